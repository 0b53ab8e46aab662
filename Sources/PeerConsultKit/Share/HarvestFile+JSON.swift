extension HarvestFile {
  /// The file as ``SessionExport/encode(_:)`` writes it through `JSONEncoder`, byte for byte,
  /// but written directly (``PrettyJSONWriter``): each object's keys below are in the
  /// encoder's sorted order, and a value that is `nil` is left out as the encoder leaves it.
  var json: String {
    var out = PrettyJSONWriter(capacity: 1 << 20)
    out.openObject()
    out.key("actions")
    out.array(actions) { out, action in
      out.element()
      out.openObject()
      out.key("createdAt")
      out.string(action.createdAt)
      out.key("done")
      out.bool(action.done)
      out.optional("doneAt", action.doneAt)
      out.optional("droppedAt", action.droppedAt)
      out.optional("owner", action.owner)
      out.key("session")
      out.string(action.session)
      out.key("sessionId")
      out.string(action.sessionId)
      out.key("text")
      out.string(action.text)
      out.closeObject()
    }
    out.key("anonymised")
    out.bool(anonymised)
    out.key("blockages")
    Self.write(blockages, to: &out)
    out.key("format")
    out.string(format)
    out.key("participation")
    out.openObject()
    out.key("byLevel")
    Self.write(participation.byLevel, to: &out)
    out.key("byOrganisation")
    Self.write(participation.byOrganisation, to: &out)
    out.key("organisations")
    out.int(participation.organisations)
    out.key("people")
    out.int(participation.people)
    out.closeObject()
    out.key("processReviews")
    out.array(processReviews) { out, review in
      out.element()
      out.openObject()
      out.optional("averageRating", review.averageRating)
      out.key("createdAt")
      out.string(review.createdAt)
      out.key("notes")
      out.array(review.notes) { out, note in
        out.element()
        out.string(note)
      }
      if let ratings = review.ratings {
        out.key("ratings")
        out.array(ratings) { out, rating in
          out.element()
          out.int(rating)
        }
      }
      out.key("session")
      out.string(review.session)
      out.key("sessionId")
      out.string(review.sessionId)
      out.closeObject()
    }
    out.key("programme")
    out.string(programme)
    out.key("report")
    report.write(to: &out)
    out.key("sessions")
    out.array(sessions) { out, session in
      out.element()
      out.openObject()
      out.key("actions")
      out.int(session.actions)
      out.key("actionsDone")
      out.int(session.actionsDone)
      out.key("createdAt")
      out.string(session.createdAt)
      out.optional("finishedAt", session.finishedAt)
      out.key("id")
      out.string(session.id)
      out.key("notes")
      out.int(session.notes)
      out.optional("origin", session.origin)
      out.key("presenters")
      out.int(session.presenters)
      out.key("title")
      out.string(session.title)
      out.closeObject()
    }
    out.key("themes")
    Self.write(themes, to: &out)
    out.key("version")
    out.int(version)
    out.key("worksWell")
    Self.write(worksWell, to: &out)
    out.closeObject()
    return out.text
  }

  private static func write(_ items: [Item], to out: inout PrettyJSONWriter) {
    out.array(items) { out, item in
      out.element()
      out.openObject()
      out.key("createdAt")
      out.string(item.createdAt)
      out.key("session")
      out.string(item.session)
      out.key("sessionId")
      out.string(item.sessionId)
      out.key("text")
      out.string(item.text)
      out.closeObject()
    }
  }

  private static func write(_ groups: [Group], to out: inout PrettyJSONWriter) {
    out.array(groups) { out, group in
      out.element()
      out.openObject()
      out.key("attendances")
      out.int(group.attendances)
      out.key("name")
      out.string(group.name)
      out.key("people")
      out.int(group.people)
      out.key("presentations")
      out.int(group.presentations)
      out.closeObject()
    }
  }
}

extension HarvestReportFile {
  /// The `report` object as the encoder writes it (see ``HarvestFile/json``).
  func write(to out: inout PrettyJSONWriter) {
    out.openObject()
    out.key("actions")
    actions.write(to: &out)
    out.optional("averageRating", averageRating)
    out.key("groups")
    out.array(groups) { out, group in
      out.element()
      out.openObject()
      out.key("actions")
      group.actions.write(to: &out)
      out.key("levels")
      Self.write(group.levels, to: &out)
      out.key("meetings")
      out.int(group.meetings)
      out.key("name")
      out.string(group.name)
      out.key("organisations")
      out.int(group.organisations)
      out.key("people")
      out.int(group.people)
      out.key("presented")
      out.int(group.presented)
      out.key("sessionIds")
      out.array(group.sessionIds) { out, id in
        out.element()
        out.string(id)
      }
      out.key("tags")
      out.int(group.tags)
      out.closeObject()
    }
    out.key("people")
    out.array(people) { out, person in
      out.element()
      out.openObject()
      out.optional("level", person.level)
      out.key("name")
      out.string(person.name)
      out.key("organisation")
      out.string(person.organisation)
      out.key("presentations")
      out.int(person.presentations)
      out.key("sessions")
      out.int(person.sessions)
      out.closeObject()
    }
    out.key("period")
    out.openObject()
    out.optional("since", period.since)
    out.optional("until", period.until)
    out.closeObject()
    out.key("sessions")
    out.array(sessions) { out, session in
      out.element()
      out.openObject()
      for (key, value) in [
        ("actionsAgreed", session.actionsAgreed), ("actionsCarried", session.actionsCarried),
        ("actionsDone", session.actionsDone), ("actionsDropped", session.actionsDropped),
        ("actionsOpen", session.actionsOpen), ("actionsOverdue", session.actionsOverdue),
      ] {
        out.key(key)
        out.int(value)
      }
      out.optional("averageRating", session.averageRating)
      out.key("createdAt")
      out.string(session.createdAt)
      out.optional("group", session.group)
      out.key("levels")
      Self.write(session.levels, to: &out)
      out.key("organisations")
      out.int(session.organisations)
      out.key("people")
      out.int(session.people)
      out.key("presenters")
      out.array(session.presenters) { out, presenter in
        out.element()
        out.string(presenter)
      }
      out.key("ratings")
      out.int(session.ratings)
      out.key("session")
      out.string(session.session)
      out.key("sessionId")
      out.string(session.sessionId)
      out.closeObject()
    }
    out.key("tags")
    out.array(tags) { out, tag in
      out.element()
      out.openObject()
      out.key("firstSeen")
      out.string(tag.firstSeen)
      out.key("groups")
      out.int(tag.groups)
      out.key("key")
      out.string(tag.key)
      out.key("lastSeen")
      out.string(tag.lastSeen)
      out.key("notes")
      out.int(tag.notes)
      out.key("sessions")
      out.int(tag.sessions)
      out.key("tag")
      out.string(tag.tag)
      out.key("trend")
      out.string(tag.trend)
      out.closeObject()
    }
    out.key("themes")
    out.array(themes) { out, theme in
      out.element()
      out.openObject()
      out.key("firstSeen")
      out.string(theme.firstSeen)
      out.key("lastSeen")
      out.string(theme.lastSeen)
      out.key("notes")
      out.int(theme.notes)
      out.key("sessions")
      out.int(theme.sessions)
      out.key("text")
      out.string(theme.text)
      out.closeObject()
    }
    out.closeObject()
  }

  /// People at each level, keys sorted as the encoder sorts them.
  private static func write(_ levels: [String: Int], to out: inout PrettyJSONWriter) {
    out.openObject()
    for (level, people) in levels.sorted(by: { $0.key < $1.key }) {
      out.key(level)
      out.int(people)
    }
    out.closeObject()
  }
}

extension HarvestReportFile.Actions {
  func write(to out: inout PrettyJSONWriter) {
    out.openObject()
    for (key, value) in [
      ("agreed", agreed), ("carried", carried), ("done", done), ("dropped", dropped),
      ("open", open), ("overdue", overdue),
    ] {
      out.key(key)
      out.int(value)
    }
    out.closeObject()
  }
}

extension PrettyJSONWriter {
  /// `values` as an array, each written by `write`, which starts it with ``element()``.
  mutating func array<Value>(
    _ values: [Value], _ write: (inout PrettyJSONWriter, Value) -> Void
  ) {
    openArray()
    for value in values { write(&self, value) }
    closeArray()
  }

  /// Member `key` holding `value`, left out when `nil` as the encoder leaves it out.
  mutating func optional(_ key: String, _ value: String?) {
    guard let value else { return }
    self.key(key)
    string(value)
  }

  /// Member `key` holding `value`, left out when `nil` as the encoder leaves it out.
  mutating func optional(_ key: String, _ value: Double?) {
    guard let value else { return }
    self.key(key)
    double(value)
  }
}
