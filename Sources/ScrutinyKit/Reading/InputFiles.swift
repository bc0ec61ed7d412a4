import Foundation

/// Expands the paths a user gives (files and folders) into the files to read, in a stable order.
public enum InputFiles {
    /// Files are kept as given; folders are walked recursively for supported extensions, sorted by
    /// path, hidden files skipped. Paths that do not exist are kept so that the reader reports them.
    public static func expand(_ paths: [String]) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let enumerator = FileManager.default.enumerator(atPath: path)
            var found: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                guard !name.hasPrefix("."),
                      DocumentReader.extensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { found.append(full) }
            }
            files.append(contentsOf: found.sorted())
        }
        return files
    }
}
