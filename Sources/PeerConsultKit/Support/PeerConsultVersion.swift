/// The program's version, shown by `--version` and stored with each database.
public enum PeerConsultVersion {
  public static let current = "0.1.0"
}
