import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// The tokenizer import reads export files with, a session at a time (issue 19).
@Suite struct ExportFileScannerTests {
  /// What a scan of `bytes` fed `chunk` bytes at a time hands over, or the problem it found.
  private func scan(
    _ bytes: [UInt8], chunk: Int = 64 * 1024, elementLimit: Int = 1 << 20
  ) -> Result<[String], ExportFileScanner.Problem> {
    var scanner = ExportFileScanner(lists: ["sessions", "groups"], elementLimit: elementLimit)
    var pieces: [String] = []
    func take() {
      for piece in scanner.takePieces() {
        switch piece {
        case .member(let key, let value):
          pieces.append("\(key)=\(value.map { String(decoding: $0, as: UTF8.self) } ?? "nil")")
        case .element(let key, let index, let value):
          pieces.append("\(key)[\(index)]=\(String(decoding: value, as: UTF8.self))")
        }
      }
    }
    do throws(ExportFileScanner.Problem) {
      var start = 0
      while start < bytes.count {
        let end = min(start + chunk, bytes.count)
        let part = Array(bytes[start..<end])
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: part.count, alignment: 1)
        defer { buffer.deallocate() }
        buffer.copyBytes(from: part)
        try scanner.read(UnsafeRawBufferPointer(buffer))
        take()
        start = end
      }
      try scanner.finish()
      take()
      return .success(pieces)
    } catch {
      return .failure(error)
    }
  }

  private func scan(_ text: String, chunk: Int = 64 * 1024) -> Result<
    [String], ExportFileScanner.Problem
  > {
    scan(Array(text.utf8), chunk: chunk)
  }

  @Test func handsOverEachSessionAndEveryOtherMemberWhateverTheChunks() throws {
    let text = #"""
      { "format" : "peerconsult-session", "groups" : [ ], "sessions" : [ {"id":"a","n":[1,-2.5e+3,{"x":"]}\"\\"}]},
      {"id":"\u00e9 飲酒"} ,true,null], "version":1 , "other": {"deep":[[[]]]} }
      """#
    let expected = [
      #"format="peerconsult-session""#,
      #"sessions[0]={"id":"a","n":[1,-2.5e+3,{"x":"]}\"\\"}]}"#,
      #"sessions[1]={"id":"\u00e9 飲酒"}"#, "sessions[2]=true", "sessions[3]=null",
      "version=1", #"other={"deep":[[[]]]}"#,
    ]
    for chunk in [1, 2, 3, 7, 64, 64 * 1024] {
      #expect(try scan(text, chunk: chunk).get() == expected, "chunks of \(chunk)")
    }
  }

  @Test func aRealExportIsHandedOverASessionAtATime() throws {
    let records = SessionRecord.chronological(try ShareFixture.records())
    let json = try SessionExport.render(records, as: .json)
    for chunk in [1, 13, 4096] {
      let pieces = try scan(json, chunk: chunk).get()
      let sessions = pieces.filter { $0.hasPrefix("sessions[") }
      #expect(sessions.count == records.count)
      for (index, piece) in sessions.enumerated() {
        let object =
          try JSONSerialization.jsonObject(
            with: Data(piece.drop { $0 != "=" }.dropFirst().utf8)) as? [String: Any]
        #expect(object?["id"] as? String == records[index].id.rawValue)
      }
    }
  }

  @Test(arguments: [
    "", " ", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\" 1}", "{,}", "{\"a\":01}",
    "{\"a\":1.}", "{\"a\":-}", "{\"a\":1e}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":tru}",
    "{\"a\":nul}", "{\"a\":True}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12G4\"}",
    "{\"a\":\"tab\there\"}",
    "{\"a\":\"line\nbreak\"}", "{\"a\":[1,2}", "{\"a\":[1 2]}", "{} x", "{}{}", "{'a':1}",
    "{\"a\":1}}", "{\"a\":\"unterminated}",
  ])
  func malformedJSONIsRefusedAsNotJSON(_ text: String) {
    guard case .failure(.notJSON) = scan(text) else {
      Issue.record("\(text.debugDescription) was not refused as not JSON: \(scan(text))")
      return
    }
    // The same verdict as Foundation's parser, but for a trailing comma, which Foundation
    // lets pass and PeerConsult never writes.
    if !text.contains(",}") {
      #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) == nil)
    }
  }

  @Test func invalidUTF8InAStringIsRefused() {
    // Besides bytes that are no UTF-8 at all: an overlong form, a surrogate written in UTF-8
    // (`ED A0 80`), and a code point past U+10FFFF, which `JSONDecoder` refuses too.
    for bytes: [UInt8] in [
      [0xFF], [0xC3], [0xE9, 0x41], [0x80], [0xF8, 0x80, 0x80, 0x80], [0xE0, 0x80, 0x80],
      [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80],
    ] {
      let file = Array(#"{"a":""#.utf8) + bytes + Array(#""}"#.utf8)
      guard case .failure(.notJSON) = scan(file) else {
        Issue.record("\(bytes) was accepted")
        continue
      }
    }
  }

  /// The edges of UTF-8 just inside what it allows pass.
  @Test func validUTF8AtItsEdgesPasses() throws {
    for bytes: [UInt8] in [
      [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80],
      [0xF4, 0x8F, 0xBF, 0xBF], [0xC2, 0x80], [0xEF, 0xBF, 0xBF],
    ] {
      let file = Array(#"{"a":""#.utf8) + bytes + Array(#""}"#.utf8)
      #expect(throws: Never.self, "\(bytes)") { try scan(file).get() }
      #expect((try? JSONSerialization.jsonObject(with: Data(file))) != nil, "\(bytes)")
    }
  }

  /// Half of a character escaped alone (`\ud800`) is JSON by its grammar, but no text:
  /// `JSONDecoder` refused its session as "not valid JSON" without saying where. Refused here,
  /// named where it is, as written; a pair, in either case, passes whatever the chunks.
  @Test func aSurrogateEscapeWithoutItsPairIsRefusedWhereItIs() throws {
    let refused: [(String, String)] = [
      (#"{"a":"x\ud800"}"#, #"\ud800 at line 1, column 8"#),
      (#"{"a":"\uD83Dx"}"#, #"\uD83D at line 1, column 7"#),
      (#"{"a":"\ud83d\n"}"#, #"\ud83d at line 1, column 7"#),
      (#"{"a":"\ud83d\u0041"}"#, #"\ud83d at line 1, column 7"#),
      (#"{"a":"\ud83d\ud83d\ude00"}"#, #"\ud83d at line 1, column 7"#),
      ("{\"a\":\n\"ok \\udE00\"}", #"\udE00 at line 2, column 5"#),
      (#"{"\udbff":1}"#, #"\udbff at line 1, column 3"#),
    ]
    for (text, place) in refused {
      #expect(
        scan(text)
          == .failure(.notJSON(place + " is half of a character, a surrogate without its pair")),
        "\(text)")
    }
    let paired = #"{"a":"\ud83d\ude00 \uD800\uDC00\u00e9"}"#
    for chunk in [1, 3, 64] {
      #expect(try scan(paired, chunk: chunk).get() == [#"a="\ud83d\ude00 \uD800\uDC00\u00e9""#])
    }
  }

  @Test func everyCutOfAnExportIsRefusedAndNoneTakesLong() throws {
    let json = Array(try SessionExport.render(try ShareFixture.records(), as: .json).utf8)
    let end = json.lastIndex { $0 != 0x0A && $0 != 0x20 }!
    for length in stride(from: 0, through: end, by: 7) {
      guard case .failure(let problem) = scan(Array(json[..<length]), chunk: 512) else {
        Issue.record("a cut at \(length) was accepted")
        continue
      }
      #expect(
        problem == .notJSON("the file ends in the middle of a value")
          || problem == .notJSON("the file holds no JSON value"), "cut at \(length)")
    }
  }

  @Test func nestingIsBoundedAsJSONDecoderBoundsIt() {
    let deep =
      "{\"a\":" + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
    #expect(scan(deep) == .failure(.notJSON("it nests more than 512 levels deep")))
    let fine =
      "{\"a\":" + String(repeating: "[", count: 500) + String(repeating: "]", count: 500) + "}"
    #expect((try? scan(fine).get())?.count == 1)
  }

  @Test func otherShapesAreToldApart() throws {
    #expect(scan("[1, 2, 3]") == .failure(.notObject))
    #expect(scan("\"text\"") == .failure(.notObject))
    #expect(scan("12") == .failure(.notObject))
    #expect(scan(#"{"sessions":[],"sessions":[]}"#) == .failure(.repeatedKey("sessions")))
    // An escaped key is the key it spells.
    #expect(try scan(#"{"sess\u0069ons":[1]}"#).get() == ["sessions[0]=1"])
    // A session over the limit is refused; another member over its own is handed over as nil.
    let oversized =
      Array(#"{"sessions":[""#.utf8) + Array(repeating: 0x61, count: 100) + Array(#""]}"#.utf8)
    #expect(
      scan(oversized, chunk: 16, elementLimit: 64)
        == .failure(.elementTooLarge(key: "sessions", index: 0)))
    let long = #"{"x":""# + String(repeating: "a", count: ExportFileScanner.memberLimit) + #""}"#
    #expect(try scan(long).get() == ["x=nil"])
  }
}
