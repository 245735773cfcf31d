#pragma once

#include <QGroupBox>

#include <array>

#include "app/views/text_stream_views.h"

class QLabel;
class QPushButton;

namespace dlm::ui {

/// \brief What the studio inferred of a board that prints numbers (channels, rate and where
/// it comes from, names, timestamp, scale) and the lines it could not read, by kind; a button
/// to fix the channels and the rate instead.
class TextStreamBox : public QGroupBox {
  Q_OBJECT

public:
  explicit TextStreamBox(QWidget* parent = nullptr);

  /// \brief The format as shown, e.g. "3 channels at 100 Hz (line arrival times)".
  QString formatText() const;
  /// \brief The garbage count shown for \p kind.
  QString garbageText(app::TextGarbage kind) const;
  /// \brief The translated name of \p kind, e.g. "Not numbers".
  static QString garbageName(app::TextGarbage kind);

public slots:
  void setFormat(const dlm::app::TextStreamView& format);
  void setStats(const dlm::app::TextStatsView& stats);

signals:
  /// \brief The user wants to fix the channels and the rate.
  void overridesRequested();

private:
  QLabel* m_format = nullptr;
  QLabel* m_names = nullptr;
  QLabel* m_timestamp = nullptr;
  QLabel* m_scale = nullptr;
  QLabel* m_lines = nullptr;
  std::array<QLabel*, app::kTextGarbageKinds> m_garbage{};
  QPushButton* m_override = nullptr;
};

} // namespace dlm::ui
