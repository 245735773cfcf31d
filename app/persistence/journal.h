#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QString>
#include <QUuid>
#include <QVector>

#include "app/session/session_event.h"

namespace dlm::app {

/// \brief Kinds of journal records: one per primitive session edit.
enum class JournalRecordType : quint8 {
  EventAdded = 1,    ///< a new event, or a discarded one restored (full event)
  EventRemoved = 2,  ///< an event was discarded (id)
  TagChanged = 3,    ///< an event's tag changed (id, tag)
  ClassAdded = 4,    ///< a class was appended (index, name, colour)
  ClassRemoved = 5,  ///< the last class was removed (undo of its creation)
  ClassChanged = 6,  ///< a class was renamed or recoloured (index, name, colour)
};

/// \brief One journal record: a sequence number, a kind and its encoded body.
struct JournalRecord {
  quint64 sequence = 0;
  JournalRecordType type = JournalRecordType::EventAdded;
  QByteArray body;
};

/// \brief What the records of a journal apply to.
struct JournalHeader {
  QUuid sessionId;
  QString basePath;           ///< project or autosave file the records follow; empty: nothing
  quint64 baseSequence = 0;   ///< last record the base file includes
  QString projectPath;        ///< the session's project file; empty for an untitled session
  QDateTime created;
};

/// \brief The append-only journal of session edits (see docs/project-format.md).
///
/// Each record is framed by its length and a CRC-32 and written with one write() followed by a
/// flush, so a killed process loses nothing it appended; with durability on (the default),
/// each append also reaches the disk (fdatasync) before returning, so a power cut does not
/// either. A torn last record (the process died inside a write) is detected by its length or
/// CRC and ignored on reading.
class Journal {
  Q_DECLARE_TR_FUNCTIONS(dlm::app::Journal)

public:
  /// \brief What read() found.
  struct Contents {
    JournalHeader header;
    QVector<JournalRecord> records;
    qint64 ignoredBytes = 0;   ///< torn or damaged tail that was left out
  };

  static JournalRecord eventAdded(const SessionEvent& event);
  static JournalRecord eventRemoved(int id);
  static JournalRecord tagChanged(int id, int tag);
  static JournalRecord classAdded(int index, const ClassInfo& info);
  static JournalRecord classRemoved(int index);
  static JournalRecord classChanged(int index, const ClassInfo& info);

  /// \brief Replace \p path atomically by a journal with \p header and \p records, then keep
  /// it open for appending.
  bool create(const QString& path, const JournalHeader& header,
              const QVector<JournalRecord>& records, QString* error);
  /// \brief Append records (their sequence numbers already set), flush, and sync if durable.
  bool append(const QVector<JournalRecord>& records, QString* error);
  void close() { m_file.close(); }
  bool isOpen() const { return m_file.isOpen(); }
  QString path() const { return m_file.fileName(); }
  /// \brief Sync every append to the disk (power-cut safe); off only for tests or benchmarks.
  void setDurable(bool durable) { m_durable = durable; }

  /// \brief Read a journal, stopping at the first torn or damaged record.
  static bool read(const QString& path, Contents* out, QString* error);
  /// \brief read() of a journal's bytes already in memory; \p name is the file's name for
  /// the messages.
  static bool read(const QByteArray& bytes, const QString& name, Contents* out,
                   QString* error);
  /// \brief Apply one record to \p state with the same rules as the live session.
  static bool apply(const JournalRecord& record, SessionState& state, QString* problem);

  /// \brief What replay() did.
  struct Replay {
    quint64 last = 0;          ///< sequence number of the last record replayed
    int skipped = 0;           ///< records that did not fit the session (left out)
    bool touchedTags = false;  ///< a record changed a tag or discarded an event
    quint64 missingFrom = 0;   ///< on failure, the first missing sequence number...
    quint64 missingTo = 0;     ///< ...and the last
  };
  /// \brief Apply \p records to \p state, which already holds every record up to \p base,
  /// as crash recovery does: those are passed over, the others must follow one another
  /// (false at the first gap, \p out naming the missing ones); a record that does not fit
  /// the session is left out and counted.
  static bool replay(const QVector<JournalRecord>& records, quint64 base, SessionState& state,
                     Replay* out);

private:
  static QByteArray frame(const JournalRecord& record);

  QFile m_file;
  bool m_durable = true;
};

} // namespace dlm::app
