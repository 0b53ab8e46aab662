/// The presenters' names of a session as its row keeps them (`sessions.presenters`, schema
/// v17), so that a listing reads one row per session.
///
/// Each name is its length in UTF-8 bytes, a colon, then the name: a name may hold any
/// character (a separator could be in one), and a listing of 50 sessions decodes them without
/// a JSON parser on a command's start.
enum PresenterList {
  static func encoded(_ names: [String]) -> String {
    names.map { "\($0.utf8.count):\($0)" }.joined()
  }

  /// The names `text` holds; what does not follow the form (which only a hand edit of the
  /// file can give) ends the list there.
  static func decoded(_ text: String) -> [String] {
    var names: [String] = []
    let bytes = Array(text.utf8)
    var index = 0
    while index < bytes.count {
      var length = 0
      var digits = 0
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, digits < 9 {
        length = length * 10 + Int(bytes[index] - 0x30)
        index += 1
        digits += 1
      }
      guard digits > 0, index < bytes.count, bytes[index] == 0x3A,
        length <= bytes.count - index - 1
      else { break }
      let start = index + 1
      names.append(String(decoding: bytes[start..<start + length], as: UTF8.self))
      index = start + length
    }
    return names
  }
}
