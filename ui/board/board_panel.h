#pragma once

#include <QString>
#include <QWidget>

#include "app/views/board_views.h"

class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace dlm::ui {

class TextStreamBox;

/// \brief The board: identity, both sides' model hashes with a match badge, push and pull of
/// the model with progress and a plain-words outcome, and the link statistics.
class BoardPanel : public QWidget {
  Q_OBJECT

public:
  /// \brief State of the model hashes' badge.
  enum class HashState { Unknown, Match, Mismatch, BoardEmpty };

  explicit BoardPanel(QWidget* parent = nullptr);

  HashState hashState() const { return m_hashState; }
  /// \brief Text of the hash badge, e.g. "Models match".
  QString hashBadgeText() const;
  /// \brief Text of the last push outcome.
  QString pushOutcomeText() const;
  bool isConnected() const { return m_connected; }
  bool isPushing() const { return m_pushing; }
  /// \brief The board's rejection threshold as shown, e.g. "5.0% of knowns" ("—" before
  /// the board's first status).
  QString rejectionText() const;
  /// \brief The stale-model notice as shown (empty when hidden).
  QString staleText() const;
  /// \brief Value shown for link statistic \p row (0 = received … 6 = reconnects).
  QString linkStatText(int row) const;
  /// \brief True while the board is one that prints numbers (setTextMode()).
  bool isTextMode() const { return m_textMode; }
  /// \brief The text stream's format and unreadable lines (shown in text mode only).
  TextStreamBox* textStream() const { return m_textBox; }

public slots:
  /// \brief Identity from the handshake; the panel switches from its empty state.
  void setBoardInfo(const QString& name, const QString& firmware, const QString& core,
                    const QString& capacity, int sampleRateHz, int channels);
  /// \brief No board: back to the "connect a board" state.
  void clearBoardInfo();
  /// \brief CRC-32 of the studio's and of the board's model (0: no model).
  void setModelHashes(quint32 studio, quint32 board);
  /// \brief Push in progress: \p done of \p total bytes sent.
  void setPushProgress(qint64 done, qint64 total);
  /// \brief Push finished: \p ok when the board verified the model; \p message says more.
  void setPushOutcome(bool ok, const QString& message);
  /// \brief The rejection threshold the board applies (a share of known events, from its
  /// status).
  void setRejectionThreshold(float share);
  /// \brief Latest link statistics.
  void setLinkStats(const dlm::app::LinkStatsView& stats);
  /// \brief The board's model holds what the studio no longer has: show \p reason (what,
  /// and what to do) under the hashes; an empty \p reason hides it.
  void setBoardStale(const QString& reason);
  /// \brief The board prints numbers (\p on): no firmware, no model to push or pull; its
  /// format and unreadable lines are shown instead. Off again with clearBoardInfo().
  void setTextMode(bool on);
  /// \brief The board is board \p key of a fleet, followed through a broker (empty: a board
  /// on this machine): pushed to through its gateway, never pulled.
  void setFleetBoard(const QString& key);

signals:
  /// \brief The user asked to send the studio's model to the board.
  void pushRequested();
  /// \brief The user asked to fetch the board's model into the studio.
  void pullRequested();
  /// \brief The user wants to fix a text board's channels and rate.
  void textOverridesRequested();

private:
  QWidget* buildIdentity();
  QWidget* buildModel();
  QWidget* buildLink();
  void updateButtons();
  void setLinkRow(int row, const QString& value, bool bad = false);

  QStackedWidget* m_stack = nullptr;
  QFormLayout* m_identity = nullptr;
  QFormLayout* m_modelForm = nullptr;
  TextStreamBox* m_textBox = nullptr;
  QLabel* m_name = nullptr;
  QLabel* m_firmware = nullptr;
  QLabel* m_core = nullptr;
  QLabel* m_capacity = nullptr;
  QLabel* m_rate = nullptr;
  QLabel* m_channels = nullptr;
  QLabel* m_studioHash = nullptr;
  QLabel* m_boardHash = nullptr;
  QLabel* m_boardRejection = nullptr;
  QLabel* m_badge = nullptr;
  QLabel* m_stale = nullptr;
  QPushButton* m_push = nullptr;
  QPushButton* m_pull = nullptr;
  QProgressBar* m_progress = nullptr;
  QLabel* m_outcomeIcon = nullptr;
  QLabel* m_outcome = nullptr;
  QTableWidget* m_link = nullptr;
  HashState m_hashState = HashState::Unknown;
  bool m_connected = false;
  bool m_pushing = false;
  bool m_textMode = false;
  QString m_fleetKey;
};

} // namespace dlm::ui
