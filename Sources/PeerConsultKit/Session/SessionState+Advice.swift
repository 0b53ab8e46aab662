extension SessionState {
  /// True when `text`, written now, is advice dressed as a question in a questioning phase.
  public func looksLikeAdvice(_ text: String) -> Bool {
    guard let phase = current?.phase else { return false }
    return AdviceDetector.shouldFlag(text, in: phase)
  }
}
