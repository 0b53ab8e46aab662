extension String {
  /// The pieces `writing` hands to the writer it is given, one after another: the whole of an
  /// output that is made a piece at a time, for a caller that wants it in one string.
  init(piecesOf writing: ((String) -> Void) -> Void) {
    var whole = ""
    writing { whole += $0 }
    self = whole
  }
}
