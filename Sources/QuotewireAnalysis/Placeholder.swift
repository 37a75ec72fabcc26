// Placeholder until the QuotewireAnalysis issue lands.
