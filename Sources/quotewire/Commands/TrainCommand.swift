import ArgumentParser
@_spi(Training) import QuotewireAnalysis
import Foundation

/// `quotewire train DIR OUT`: trains the attribution model on a brat folder and writes it as Swift source.
struct Train: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train the attribution model on a brat folder (polnear/train) and write it as Swift source.",
        discussion: """
            Deterministic: the same corpus gives the same file. The model the library compiles is \
            Sources/QuotewireAnalysis/Models/TrainedModelData.swift (scripts/train-model.sh).
            """
    )

    @Argument(help: "A folder with text/ and attributions/ subfolders (train on polnear/train only).")
    var directory: String

    @Argument(help: "The Swift file to write (or, with --check, to compare with).")
    var output: String

    @Flag(help: "Train and compare with OUTPUT instead of writing it; exit 1 if they differ.")
    var check = false

    @Option(help: "L2 shrinkage of the logistic weights.")
    var l2: Float = ModelTrainer().trainer.l2

    @Option(help: "The model keeps 2^bits weights (features are hashed into them).")
    var bits: Int = ModelTrainer().trainer.bits

    @Option(help: "AdaGrad's learning rate.")
    var learningRate: Float = ModelTrainer().trainer.learningRate

    @Option(help: "Passes over the training candidates.")
    var epochs: Int = ModelTrainer().trainer.epochs

    @Option(help: "Words the rules do not know are proposed as cues from this learned prior up.")
    var minimumPrior: Float = ModelTrainer().minimumPrior

    @Option(help: "The tagged training lexicon (word, count, Penn tags with counts); default: DIR/../train-lexicon.tsv.")
    var lexicon: String?

    @Option(help: "Only show why gold contents have no matching candidate, with up to N examples of each kind; train nothing.")
    var coverage: Int?

    @Option(help: "With --coverage: the threshold the out-of-fold model chooses at.")
    var coverageThreshold: Float = 0.28

    func validate() throws {
        guard (10...24).contains(self.bits) else { throw ValidationError("--bits must be between 10 and 24") }
        guard self.epochs >= 1 else { throw ValidationError("--epochs must be at least 1") }
    }

    func run() async throws {
        let corpus = try EvalCorpus.load(self.directory, command: "train")
        let clock = ContinuousClock()
        let start = clock.now
        var trainer = ModelTrainer()
        trainer.trainer.l2 = self.l2
        trainer.trainer.epochs = self.epochs
        trainer.trainer.bits = self.bits
        trainer.trainer.learningRate = self.learningRate
        trainer.minimumPrior = self.minimumPrior
        let lexicon = self.lexicon ?? URL(fileURLWithPath: self.directory).deletingLastPathComponent()
            .appendingPathComponent("train-lexicon.tsv").path
        do {
            trainer.classes = try WordClassLexicon.load(lexicon)
        } catch {
            printError("quotewire train: cannot read the tagged lexicon \(lexicon): \(error)")
            throw ExitCode(66)
        }
        printError("train: \(trainer.classes.count) word classes from \(lexicon)")
        if let coverage = self.coverage {
            for line in trainer.coverage(corpus, examples: coverage, threshold: self.coverageThreshold).report() { print(line) }
            return
        }
        let writer = trainer.train(corpus) { printError($0) }
        let source = writer.source(command: "quotewire train")
        printError("train: done in \(EvalReport.format((clock.now - start).inSeconds, digits: 1)) s")
        if self.check {
            let existing = try? String(contentsOfFile: self.output, encoding: .utf8)
            guard existing == source else {
                printError("quotewire train: \(self.output) differs from a model trained on \(self.directory)")
                throw ExitCode(1)
            }
            printError("train: \(self.output) is up to date")
            return
        }
        do {
            try source.write(toFile: self.output, atomically: true, encoding: .utf8)
        } catch {
            printError("quotewire train: cannot write \(self.output): \(error)")
            throw ExitCode(73)
        }
    }
}
