extension ProtocolFileReader {
  /// A file too large or too deep for a protocol, in plain words with what to do.
  static func issue(for excess: YAMLShape.Excess) -> ProtocolFileError.Issue {
    let message =
      switch excess.kind {
      case .tooManyNodes:
        """
        the file describes more than \(maximumNodes) values, counting each alias (*name) as \
        everything it stands for; a protocol needs a few hundred: write repeated text out \
        instead of using aliases, or check this is a protocol file
        """
      case .tooMuchText:
        """
        the file's text, counting each alias (*name) as everything it stands for, is larger \
        than \(ProtocolFile.maximumBytes / 1024) KiB, the limit for protocol files: write \
        repeated text out instead of using aliases, or check this is a protocol file
        """
      case .tooDeep:
        """
        the file is nested too deeply (more than \(maximumDepth) levels of lists and keys); a \
        protocol needs four: check the brackets and the indentation
        """
      }
    return .init(line: excess.line, column: excess.column, message: message)
  }
}
