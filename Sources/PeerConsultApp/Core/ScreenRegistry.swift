/// Every screen the app can show. The keymap is assembled from their bindings, and the
/// tests and the reliability attacks visit each; adding a screen adds one line here.
public enum ScreenRegistry {
  public static let screens: [any Screen.Type] = [
    HomeState.self,
    ProtocolBrowserState.self,
    SetupState.self,
    ResumeState.self,
    LiveState.self,
    FollowUpState.self,
    GroupState.self,
    SummaryState.self,
    ReviewState.self,
    TranscriptState.self,
    ShareReviewState.self,
    ProgrammeState.self,
    FollowState.self,
  ]
}
