import Foundation
import QuotewireEvaluation

/// The figures of one `eval` run, as a table or as JSON.
struct EvalReport {
    var totals = EvaluationCounts()
    /// The demand figures, when a demand gold was given.
    var demands: DemandCounts?
    /// The confidences of the judged demand predictions, for their calibration.
    var demandCurve = ConfidenceCurve()
    /// Precision and recall by confidence, and calibration.
    var curve = ConfidenceCurve()
    /// The confidence thresholds `--curve` reports.
    static let curveThresholds: [Float] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
    var documents: [(name: String, counts: EvaluationCounts)] = []
    var analyzedDocuments = 0
    var analysisSeconds = 0.0
    /// Thread CPU time of the analysis calls.
    var analysisCPUSeconds = 0.0

    var documentsPerSecond: Double {
        self.analysisSeconds > 0 ? Double(self.analyzedDocuments) / self.analysisSeconds : 0
    }

    /// Documents per second of thread CPU time: what one dedicated core would do.
    var documentsPerCPUSecond: Double {
        self.analysisCPUSeconds > 0 ? Double(self.analyzedDocuments) / self.analysisCPUSeconds : 0
    }

    func table(perDocument: Bool) -> String {
        var lines: [String] = []
        if perDocument {
            for (name, counts) in self.documents {
                lines.append(
                    "\(name)  gold \(counts.gold)  pred \(counts.predictions)  content \(counts.contentMatches)  "
                        + "+speaker \(counts.speakerMatches)  +cue \(counts.speakerCueMatches)"
                )
            }
            lines.append("")
        }
        lines.append("metric                   P       R      F1")
        for (label, figures) in self.rows {
            lines.append(
                label.padding(toLength: 20, withPad: " ", startingAt: 0) + "  "
                    + [figures.precision, figures.recall, figures.f1].map { Self.format($0).leftPadded(6) }.joined(
                        separator: "  "
                    )
            )
        }
        lines.append("direct recall       " + Self.format(self.totals.directRecall).leftPadded(8)
            + "  (\(self.totals.directMatches)/\(self.totals.directGold))")
        lines.append("demand recall       " + Self.format(self.totals.demandRecall).leftPadded(8)
            + "  (\(self.totals.demandMatches)/\(self.totals.demandGold))")
        lines.append("documents           \(self.documents.count)  (gold \(self.totals.gold), predicted \(self.totals.predictions))")
        lines.append("documents/s         " + Self.format(self.documentsPerSecond, digits: 1)
            + "  (\(self.analyzedDocuments) analyses in \(Self.format(self.analysisSeconds)) s)")
        lines.append("documents/CPU-s     " + Self.format(self.documentsPerCPUSecond, digits: 1)
            + "  (thread CPU time \(Self.format(self.analysisCPUSeconds)) s)")
        if let demands = self.demands { lines.append(Self.demandTable(demands, curve: self.demandCurve)) }
        return lines.joined(separator: "\n")
    }

    /// The demand figures of EVALUATION.md ("Demands") against a hand-judged gold.
    static func demandTable(_ counts: DemandCounts, curve: ConfidenceCurve) -> String {
        func row(_ label: String, _ value: Double, _ part: Int, _ whole: Int) -> String {
            label.padding(toLength: 28, withPad: " ", startingAt: 0) + Self.format(value).leftPadded(6) + "  (\(part)/\(whole))"
        }
        return [
            "",
            row("demand gold: recall", counts.recall, counts.found, counts.goldDemands),
            row("demand gold: +demander", counts.recallWithDemander, counts.foundWithDemander, counts.goldDemands),
            row("demand gold: +addressee", counts.recallWithAddressee, counts.foundWithAddressee, counts.goldDemands),
            row("demand gold: false alarms", counts.falseAlarmRate, counts.falseAlarms, counts.goldNonDemands),
            "demand gold: predicted      \(counts.predictions)  (in the judged documents)",
            "demand gold: calibration    " + Self.format(curve.expectedCalibrationError()).leftPadded(6)
                + "  (expected calibration error over \(curve.count) judged predictions)",
        ].joined(separator: "\n")
    }

    /// Content precision, recall and F1 at each confidence threshold, and the expected calibration error.
    func curveTable() -> String {
        var lines = ["confidence >=          P       R      F1"]
        for threshold in Self.curveThresholds {
            let figures = self.curve.figures(at: threshold)
            lines.append(
                "  " + Self.format(Double(threshold), digits: 1).padding(toLength: 18, withPad: " ", startingAt: 0) + "  "
                    + [figures.precision, figures.recall, figures.f1].map { Self.format($0).leftPadded(6) }.joined(separator: "  "))
        }
        lines.append("expected calibration error  " + Self.format(self.curve.expectedCalibrationError()))
        return lines.joined(separator: "\n")
    }

    func json(perDocument: Bool, curve: Bool = false) -> String {
        func figures(_ value: PrecisionRecall) -> [String: Any] {
            ["precision": value.precision, "recall": value.recall, "f1": value.f1]
        }
        var object: [String: Any] = [
            "content": figures(self.totals.content),
            "contentSpeaker": figures(self.totals.contentSpeaker),
            "contentSpeakerCue": figures(self.totals.contentSpeakerCue),
            "directRecall": self.totals.directRecall,
            "demandRecall": self.totals.demandRecall,
            "documents": self.documents.count,
            "gold": self.totals.gold,
            "predictions": self.totals.predictions,
            "documentsPerSecond": self.documentsPerSecond,
            "documentsPerCPUSecond": self.documentsPerCPUSecond,
        ]
        if let demands = self.demands {
            object["demands"] = [
                "recall": demands.recall, "recallWithDemander": demands.recallWithDemander,
                "recallWithAddressee": demands.recallWithAddressee, "falseAlarmRate": demands.falseAlarmRate,
                "goldDemands": demands.goldDemands, "found": demands.found, "foundWithDemander": demands.foundWithDemander,
                "foundWithAddressee": demands.foundWithAddressee, "goldNonDemands": demands.goldNonDemands,
                "falseAlarms": demands.falseAlarms, "predictions": demands.predictions,
                "expectedCalibrationError": self.demandCurve.expectedCalibrationError(),
            ] as [String: Any]
        }
        if curve {
            object["curve"] = Self.curveThresholds.map { threshold in
                let figures = self.curve.figures(at: threshold)
                return ["threshold": Double(threshold), "precision": figures.precision, "recall": figures.recall, "f1": figures.f1]
            }
            object["expectedCalibrationError"] = self.curve.expectedCalibrationError()
        }
        if perDocument {
            object["perDocument"] = self.documents.map { entry in
                [
                    "document": entry.name, "gold": entry.counts.gold, "predictions": entry.counts.predictions,
                    "content": entry.counts.contentMatches, "contentSpeaker": entry.counts.speakerMatches,
                    "contentSpeakerCue": entry.counts.speakerCueMatches,
                ] as [String: Any]
            }
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private var rows: [(String, PrecisionRecall)] {
        [
            ("content", self.totals.content),
            ("content+speaker", self.totals.contentSpeaker),
            ("content+speaker+cue", self.totals.contentSpeakerCue),
        ]
    }

    static func format(_ value: Double, digits: Int = 3) -> String {
        String(format: "%.\(digits)f", value)
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        self.count >= width ? self : String(repeating: " ", count: width - self.count) + self
    }
}
