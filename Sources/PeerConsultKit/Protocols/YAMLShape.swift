import CLibYAML

/// How big and how deep a YAML document really is, measured from libyaml's parser events
/// before Yams builds a tree from it.
///
/// An alias (`*name`) stands for the whole node its anchor (`&name`) names, so a few hundred
/// bytes of aliases of aliases describe a tree of billions of nodes, and Yams walks such a tree
/// whenever it compares mapping keys. Here each alias adds the size of what it stands for,
/// worked out once when its anchor's node ends, so the count costs one pass over the events
/// however large the tree it describes: a file is measured in time linear in its length and
/// refused at the first event that takes it over a limit.
///
/// Text that libyaml cannot parse is left for Yams, which reports the syntax error in its own
/// words; the two agree because Yams is built on the same parser.
enum YAMLShape {
  /// Why a document is refused, at the event that went over the limit.
  struct Excess: Equatable {
    enum Kind: Equatable {
      /// More nodes than allowed, counting each alias as every node it stands for.
      case tooManyNodes
      /// Collections nested deeper than allowed.
      case tooDeep
      /// More bytes of text than allowed, counting each alias as all the text it stands for:
      /// one long text repeated through aliases is a few nodes but megabytes.
      case tooMuchText
    }

    var kind: Kind
    /// Counted from 1, as in Yams' marks.
    var line: Int
    var column: Int
  }

  /// The first excess in the first document of `text`, or nil when it stays within the limits
  /// or cannot be parsed.
  static func excess(
    in text: String, maximumNodes: Int, maximumDepth: Int, maximumBytes: Int
  ) -> Excess? {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var counter = Counter(
        maximumNodes: maximumNodes, maximumDepth: maximumDepth, maximumBytes: maximumBytes)
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        switch counter.take(event) {
        case .next: continue
        case .done: return nil
        case .over(let kind):
          // libyaml's marks count from 0.
          return Excess(
            kind: kind, line: Int(event.start_mark.line) + 1,
            column: Int(event.start_mark.column) + 1)
        }
      }
    }
  }

  /// The running count over one document's events.
  private struct Counter {
    enum Outcome {
      case next
      case done
      case over(Excess.Kind)
    }

    let maximumNodes: Int
    let maximumDepth: Int
    let maximumBytes: Int
    /// Nodes so far, each alias counted as the size of its anchor's node.
    private var nodes = 0
    /// Bytes of scalar text so far, each alias counted as the text of its anchor's node.
    private var bytes = 0
    /// The size of each anchor's node, in nodes and bytes, known once the node has ended; a
    /// later anchor of the same name replaces an earlier one, as in Yams.
    private var anchorSizes: [String: (nodes: Int, bytes: Int)] = [:]
    /// The collections open at this point: where each started in the counts, and its anchor.
    private var open: [(start: Int, startBytes: Int, anchor: String?)] = []

    init(maximumNodes: Int, maximumDepth: Int, maximumBytes: Int) {
      self.maximumNodes = maximumNodes
      self.maximumDepth = maximumDepth
      self.maximumBytes = maximumBytes
    }

    mutating func take(_ event: yaml_event_t) -> Outcome {
      switch event.type {
      case YAML_SCALAR_EVENT:
        let length = Int(event.data.scalar.length)
        nodes += 1
        bytes += length
        if let anchor = Self.name(event.data.scalar.anchor) {
          anchorSizes[anchor] = (1, length)
        }
      case YAML_ALIAS_EVENT:
        // An alias of an unknown anchor is Yams' to report ("undefined alias").
        let size = Self.name(event.data.alias.anchor).flatMap { anchorSizes[$0] } ?? (1, 0)
        nodes += size.nodes
        bytes += size.bytes
      case YAML_SEQUENCE_START_EVENT:
        return start(anchor: Self.name(event.data.sequence_start.anchor))
      case YAML_MAPPING_START_EVENT:
        return start(anchor: Self.name(event.data.mapping_start.anchor))
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        guard let ended = open.popLast() else { return .next }
        if let anchor = ended.anchor {
          anchorSizes[anchor] = (nodes - ended.start, bytes - ended.startBytes)
        }
      case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
        // Yams refuses a second document itself, without building it.
        return .done
      default:
        return .next
      }
      // Both terms of each sum are at most its limit, so neither can overflow.
      if nodes > maximumNodes { return .over(.tooManyNodes) }
      return bytes > maximumBytes ? .over(.tooMuchText) : .next
    }

    private mutating func start(anchor: String?) -> Outcome {
      guard open.count < maximumDepth else { return .over(.tooDeep) }
      open.append((nodes, bytes, anchor))
      nodes += 1
      return nodes > maximumNodes ? .over(.tooManyNodes) : .next
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
      pointer.map { String(cString: $0) }
    }
  }
}
