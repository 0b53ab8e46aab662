/// Names the app layer shows.
public enum AppInfo {
  public static let name = "PeerConsult"
}
