import ArgumentParser
import Foundation
import ScrutinyKit
#if canImport(Glibc)
import Glibc
#endif

/// A report folder written so that nothing already there is lost: every file goes to a staging
/// folder beside the target, which replaces the target only when the whole report is written. A
/// lock file beside the target stops a second run writing the same folder; an interruption
/// (SIGINT, SIGTERM) removes the staging folder and the lock (through ``SignalCleanup``) and
/// leaves the old report as it was.
///
/// A folder that holds anything but a report (files scrutiny did not write) is never replaced.
final class ReportFolder {
    /// Where the files are written until `commit()`.
    let staging: String
    let target: String
    private let lock: String
    private let old: String
    /// The staging folder's and the lock's registrations with ``SignalCleanup``.
    private var cleanupTokens: [Int] = []
    private var finished = false
    /// Whether this run took the lock: a run refused by another's lock must not remove it when it
    /// ends (session 38's re-audit: a refused run freed the lock, and a third run went ahead).
    private var holdsLock = false

    /// The name of the file that marks a folder as a report scrutiny wrote.
    static let marker = InputFiles.reportMarker

    init(_ target: String) throws {
        // A symbolic link to a folder stays a link: the folder it names is replaced (session 38's audit).
        let url = URL(fileURLWithPath: OutputFile.resolved(target)).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        self.target = url.path
        staging = (parent as NSString).appendingPathComponent(".\(name).scrutiny-new-\(pid)")
        old = (parent as NSString).appendingPathComponent(".\(name).scrutiny-old-\(pid)")
        lock = (parent as NSString).appendingPathComponent(".\(name).scrutiny-lock")
        try Self.checkReplaceable(self.target)
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw runFailure("--output: cannot create \(parent): \(OutputFile.reason(error)); choose a folder you can write to")
        }
        // The lock taken and registered for removal with no signal's clean-up between (session
        // 43's audit: a signal just after the lock was made left it behind). Removed on SIGINT,
        // SIGTERM or SIGPIPE, the staging folder first, then the lock.
        try SignalCleanup.withoutInterruption {
            try acquireLock(pid: pid)
            cleanupTokens = [SignalCleanup.register(lock), SignalCleanup.register(staging)]
        }
        Self.removeLeftovers(of: name, in: parent)
        do {
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
            try Data().write(to: URL(fileURLWithPath: staging).appendingPathComponent(Self.marker))
        } catch {
            release()
            throw runFailure("--output: cannot write beside \(self.target): \(OutputFile.reason(error)); choose a folder you can write to")
        }
    }

    deinit {
        if !finished { abandon() }
    }

    /// Puts the finished report in place of the old one, with the clean-up of a signal held off
    /// until the old report is gone and the new one in place: a report is never cut in two.
    func commit() throws {
        try SignalCleanup.withoutInterruption { try swapIn() }
    }

    private func swapIn() throws {
        let manager = FileManager.default
        do {
            if manager.fileExists(atPath: target) {
                keepPermissions()
                try manager.moveItem(atPath: target, toPath: old)
                do {
                    try manager.moveItem(atPath: staging, toPath: target)
                } catch {
                    try? manager.moveItem(atPath: old, toPath: target)
                    throw error
                }
                try? manager.removeItem(atPath: old)
            } else {
                try manager.moveItem(atPath: staging, toPath: target)
            }
        } catch {
            abandon()
            throw runFailure("--output: cannot put the report in \(target): \(OutputFile.reason(error)); the old report is unchanged")
        }
        finished = true
        release()
    }

    /// Gives the new report the permissions of the old: the folder's, and each file's that both
    /// hold (session 43's audit: a report made group-only became readable by all when replaced).
    private func keepPermissions() {
        var status = stat()
        if stat(target, &status) == 0 { chmod(staging, status.st_mode & 0o7777) }
        // Every file and folder both hold, the figures' too (session 43's re-audit).
        for name in FileManager.default.enumerator(atPath: staging)?.allObjects.compactMap({ $0 as? String }) ?? [] {
            let before = (target as NSString).appendingPathComponent(name)
            if stat(before, &status) == 0 { chmod((staging as NSString).appendingPathComponent(name), status.st_mode & 0o7777) }
        }
    }

    /// Removes what was written and the lock; the old report stays.
    func abandon() {
        try? FileManager.default.removeItem(atPath: staging)
        finished = true
        release()
    }
}

extension ReportFolder {
    /// Every file under `folder` with its size and modification time, one a line, in order of
    /// path; nil when there is no such folder. Equal listings: the files have not been touched.
    static func listing(_ folder: String) -> String? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
              let paths = manager.enumerator(atPath: folder)?.allObjects as? [String] else { return nil }
        var lines: [String] = []
        for path in paths.sorted() {
            guard let attributes = try? manager.attributesOfItem(atPath: (folder as NSString).appendingPathComponent(path)),
                  attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            lines.append("\(path)\t\(size)\t\(modified)")
        }
        return lines.joined(separator: "\n")
    }
}

private extension ReportFolder {
    /// Refuses a target that is a file, or a folder holding something other than a report.
    /// The staging and old folders of runs that were killed (SIGKILL leaves no chance to clean up):
    /// with the lock held, any whose process no longer exists are removed.
    static func removeLeftovers(of name: String, in parent: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for entry in entries {
            for kind in [".\(name).scrutiny-new-", ".\(name).scrutiny-old-"] where entry.hasPrefix(kind) {
                // The process's number, then perhaps ".removing-…" (a signal's clean-up cut short).
                guard let holder = Int32(entry.dropFirst(kind.count).prefix(while: \.isNumber)), kill(holder, 0) != 0, errno != EPERM else { continue }
                try? FileManager.default.removeItem(atPath: (parent as NSString).appendingPathComponent(entry))
            }
        }
    }

    static func checkReplaceable(_ target: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw runFailure("--output: \(target) is a file, not a folder; choose a folder for the report")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        // Only files a report holds, marked or (written before the marker existed) not: a file the
        // user put beside them (notes, a folder of their own) would be lost with the folder.
        let reportFiles: Set<String> = ["report.md", "report.html", "survey.json", "figures", "report.pdf", "report.png", marker]
        let foreign = entries.filter { !reportFiles.contains($0) && !$0.hasSuffix(".csv") }.sorted()
        if foreign.isEmpty { return }
        throw runFailure("--output: \(target) holds files that are not part of a scrutiny report (\(foreign.prefix(3).joined(separator: ", "))"
            + "\(foreign.count > 3 ? " …" : "")); move them out, or choose another folder")
    }

    func acquireLock(pid: Int32) throws {
        for _ in 0..<2 {
            let descriptor = open(lock, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if descriptor >= 0 {
                let text = "\(pid)\n"
                _ = text.withCString { Glibc.write(descriptor, $0, strlen($0)) }
                close(descriptor)
                holdsLock = true
                return
            }
            // A lock left by a run that no longer exists is stale: take it over.
            let holder = (try? String(contentsOfFile: lock, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if let holder, holder != pid, kill(holder, 0) == 0 || errno == EPERM {
                throw runFailure("--output: another scrutiny run (process \(holder)) is writing \(target); wait for it to finish, "
                    + "or remove \(lock) if it is not running")
            }
            try? FileManager.default.removeItem(atPath: lock)
        }
        throw runFailure("--output: cannot create the lock file \(lock); choose a folder you can write to")
    }

    func release() {
        if holdsLock { try? FileManager.default.removeItem(atPath: lock) }
        holdsLock = false
        for token in cleanupTokens { SignalCleanup.release(token) }
        cleanupTokens = []
    }
}

extension ReportFolder {
    /// A report folder named like a file ("survey.csv", "report.html") that is not already a
    /// folder: a usage mistake, said before any document is read (session 37's third audit: a
    /// folder called survey.csv was made without a word).
    static func checkNamed(_ target: String, orElse alternative: String? = nil) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue { return }
        let suffix = (target as NSString).pathExtension.lowercased()
        guard ["csv", "html", "htm", "json", "md", "txt", "pdf", "xlsx", "qdpx"].contains(suffix) else { return }
        throw ValidationError("--output: \(target) names a file, but the report is a folder of files (report.html, report.md and a CSV "
            + "for each table): give a folder name" + (alternative.map { ", or " + $0 } ?? ""))
    }

    /// The folder the report goes to, said unusable (a file, or a folder of other files) before any
    /// document is read: the check ``init(_:)`` makes again when the report is written.
    static func checkTarget(_ target: String) throws {
        try checkReplaceable(URL(fileURLWithPath: target).standardizedFileURL.path)
    }
}
