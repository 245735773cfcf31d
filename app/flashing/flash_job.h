#pragma once

// One flashing run: the probe tool in a QProcess (its own process, so the thread that starts
// it never waits), its output read line by line for progress, cancellable, bounded in time.

#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>

#include <memory>

#include "app/flashing/flash_output.h"
#include "app/flashing/flash_plan.h"

namespace dlm::app {

/// \brief Runs a FlashPlan. Signals come from the event loop of the thread it lives on.
class FlashJob : public QObject {
  Q_OBJECT
public:
  /// \brief Longest a run may take before it is stopped (a 512 KB F4 flashes in ~15 s).
  static constexpr int kTimeoutMs = 180000;
  /// \brief Time a cancelled tool gets to exit after SIGTERM before it is killed.
  static constexpr int kTerminateGraceMs = 2000;

  explicit FlashJob(QObject* parent = nullptr);
  ~FlashJob() override;

  /// \brief Start \p plan; false when a run is already going.
  bool start(const FlashPlan& plan);
  /// \brief Stop the tool (finished() follows, not ok).
  void cancel();
  bool isRunning() const;
  FlashPlan plan() const { return m_plan; }

signals:
  /// \brief The tool started: \p commandLine as a user would type it.
  void started(const QString& commandLine);
  /// \brief How far the run is, 0 to 100, and what it is doing.
  void progress(int percent, const QString& stage);
  /// \brief One line the tool printed.
  void outputLine(const QString& line);
  /// \brief The run ended: \p ok when the tool succeeded; \p message says how, in one line
  /// that says what to do on failure.
  void finished(bool ok, const QString& message);

private:
  void readOutput();
  void handleLine(const QString& line);
  void onFinished(int exitCode, QProcess::ExitStatus status);
  void onError(QProcess::ProcessError error);
  void finish(bool ok, const QString& message);

  QProcess* m_process = nullptr; ///< a child; replaced with deleteLater() (it may be emitting)
  std::unique_ptr<FlashOutputParser> m_parser;
  FlashPlan m_plan;
  QByteArray m_pending; ///< output after the last line end
  QTimer m_timeout;
  bool m_cancelled = false;
  bool m_timedOut = false;
  bool m_done = true;
};

} // namespace dlm::app
