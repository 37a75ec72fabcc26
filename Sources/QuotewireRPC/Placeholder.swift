// Placeholder until the QuotewireRPC issue lands.
