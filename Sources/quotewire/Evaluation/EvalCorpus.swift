import ArgumentParser
import Foundation
import QuotewireEvaluation

/// A brat folder: `text/*.txt` and, for each, its first `attributions/DOC_*.ann` in sort order.
struct EvalCorpus {
    /// One text with its gold attributions.
    struct Document {
        var name: String
        var text: String
        var gold: [GoldAttribution]
    }

    var documents: [Document]

    /// Why a folder cannot be evaluated.
    enum LoadError: Error, CustomStringConvertible {
        case notADirectory(String)
        case noTexts(String)

        var description: String {
            switch self {
            case .notADirectory(let path): return "\(path) is not a directory (expected text/ and attributions/ in it)"
            case .noTexts(let path): return "\(path) holds no .txt files (in text/ or at its top level)"
            }
        }
    }

    /// The corpus in `directory`, or a usage error (exit 64) that says why it cannot be read.
    static func load(_ directory: String, command: String) throws -> EvalCorpus {
        do {
            return try EvalCorpus(directory: directory)
        } catch {
            printError("quotewire \(command): \(error)")
            throw ExitCode(64)
        }
    }

    init(directory: String) throws {
        let fileManager = FileManager.default
        var textDirectory = directory + "/text"
        var annotationDirectory = directory + "/attributions"
        var isDirectory: ObjCBool = false
        if !fileManager.fileExists(atPath: textDirectory) {
            // A flat folder (`DOC.txt` next to `DOC.ann`), as the seed article comes.
            textDirectory = directory
            annotationDirectory = directory
        }
        guard fileManager.fileExists(atPath: textDirectory, isDirectory: &isDirectory), isDirectory.boolValue,
            let textNames = try? fileManager.contentsOfDirectory(atPath: textDirectory)
        else { throw LoadError.notADirectory(directory) }
        let annotationNames = ((try? fileManager.contentsOfDirectory(atPath: annotationDirectory)) ?? []).sorted()
        var documents: [Document] = []
        for textName in textNames.sorted() where textName.hasSuffix(".txt") {
            let stem = String(textName.dropLast(4))
            guard let text = try? String(contentsOfFile: textDirectory + "/" + textName, encoding: .utf8) else {
                continue
            }
            let annotationName = annotationNames.first { name in
                guard name.hasSuffix(".ann") else { return false }
                let base = name.dropLast(4)
                if base == stem { return true }
                guard base.hasPrefix(stem + "_") else { return false }
                return !base.dropFirst(stem.count + 1).contains("_")
            }
            let gold = annotationName.flatMap {
                try? String(contentsOfFile: annotationDirectory + "/" + $0, encoding: .utf8)
            }.map { BratDocument(parsing: $0).attributions } ?? []
            documents.append(Document(name: stem, text: text, gold: gold))
        }
        guard !documents.isEmpty else { throw LoadError.noTexts(directory) }
        self.documents = documents
    }
}
