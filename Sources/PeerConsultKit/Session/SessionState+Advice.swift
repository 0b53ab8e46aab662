extension SessionState {
  /// True when `text`, written now, is advice dressed as a question in a questioning phase;
  /// the protocol's own stems count too.
  public func looksLikeAdvice(_ text: String) -> Bool {
    guard let slot = currentSlot else { return false }
    return looksLikeAdvice(text, inSlot: slot)
  }

  /// True when `text`, written in `slot`, is advice dressed as a question.
  public func looksLikeAdvice(_ text: String, inSlot slot: Int) -> Bool {
    guard schedule.indices.contains(slot) else { return false }
    return AdviceDetector.shouldFlag(
      text, in: schedule[slot].phase, extraStems: setup.consultingProtocol.adviceStems)
  }
}
