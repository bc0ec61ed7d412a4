// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "scrutiny",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "scrutiny", targets: ["scrutiny"]),
        .library(name: "ScrutinyKit", targets: ["ScrutinyKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // The store of analyses kept between runs (Sources/scrutiny/AnalysisStore.swift); SQLite from libsqlite3-dev.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // SHA-256 of every file read and of the store's keys (Sources/ScrutinyKit/Support/SHA256.swift).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // C stays at the edge: system libraries wrapped by the reader files only.
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "ScrutinyKit",
            dependencies: [
                "CPoppler",
                "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The folders' order, read by StageDependencyTests; not a resource of the library.
            exclude: ["STAGES"]
        ),
        .executableTarget(
            name: "scrutiny",
            dependencies: [
                "ScrutinyKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "scrutiny-bench",
            dependencies: ["ScrutinyKit"]
        ),
        .testTarget(
            name: "ScrutinyKitTests",
            dependencies: ["ScrutinyKit", .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "Yams", package: "Yams")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ScrutinyCLITests",
            dependencies: ["scrutiny", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            // Read by path through the built binary, not as bundle resources; Golden/ holds the --help golden files.
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
