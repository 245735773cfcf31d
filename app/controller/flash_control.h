#pragma once

// The studio's door to flashing a board's firmware (Board → Flash firmware…): which boards and
// probe tools there are, which image would be written, and one run at a time with progress.
// The decisions and the tools' output are the flashing library's (app/flashing), kept private.

#include <QObject>
#include <QString>
#include <QVector>

#include <functional>
#include <memory>

namespace dlm::app {

class FlashJob;

/// \brief A board the Flash dialog offers.
struct FlashBoardChoice {
  QString id;   ///< e.g. "nucleo-f446re"
  QString name; ///< e.g. "ST Nucleo-F446RE"
};

/// \brief A probe tool the Flash dialog offers.
struct FlashProbeChoice {
  QString id;   ///< "auto", "openocd" or "st-flash"
  QString name; ///< in words, e.g. "OpenOCD (openocd)"
  bool installed = false; ///< false: shown, but it cannot be used
};

/// \brief Flashing as the studio does it: the controller closes the link to the board before
/// the tool runs, and finds the board's port again after.
class FlashControl : public QObject {
  Q_OBJECT
public:
  explicit FlashControl(QObject* parent = nullptr);
  ~FlashControl() override;

  QVector<FlashBoardChoice> boards() const;
  /// \brief "auto" first (naming the tool it would pick), then each tool.
  QVector<FlashProbeChoice> probes() const;
  /// \brief The image flashing \p boardId with \p probeId would write; empty with \p why
  /// (where it looked) when there is none.
  QString imageFor(const QString& boardId, const QString& probeId, QString* why) const;
  bool isRunning() const;
  /// \brief What must happen before a tool starts: \p before gets a function to call once
  /// the board is free (the link closed); \p after runs when the tool ended (with ok).
  using Before = std::function<void(std::function<void()> proceed)>;
  void setHooks(Before before, std::function<void(bool)> after);

public slots:
  /// \brief Flash \p boardId with \p probeId ("auto", "openocd", "st-flash") writing \p image
  /// (empty: imageFor()); finished() follows, at once when nothing could start.
  void start(const QString& boardId, const QString& probeId, const QString& image);
  /// \brief Stop the running tool (finished() follows, not ok).
  void cancel();

signals:
  /// \brief The tool started: \p commandLine as a user would type it.
  void started(const QString& commandLine);
  /// \brief 0 to 100, and what the tool is doing.
  void progress(int percent, const QString& stage);
  /// \brief One line the tool printed.
  void outputLine(const QString& line);
  /// \brief The run ended, or could not start; \p message says how, and what to do.
  void finished(bool ok, const QString& message);

private:
  void finishUnstarted(const QString& message);

  std::unique_ptr<FlashJob> m_job;
  Before m_before;
  bool m_waiting = false; ///< planned; waiting for the board to be free
  std::function<void(bool)> m_after;
};

} // namespace dlm::app
