import Testing
@Suite struct PlaceholderPeerConsultAppTests { @Test func builds() { #expect(1 + 1 == 2) } }
