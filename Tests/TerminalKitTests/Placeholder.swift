import Testing
@Suite struct PlaceholderTerminalKitTests { @Test func builds() { #expect(1 + 1 == 2) } }
