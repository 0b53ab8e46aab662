import Testing
@Suite struct PlaceholderEndToEndTests { @Test func builds() { #expect(1 + 1 == 2) } }
