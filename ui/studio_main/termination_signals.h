#pragma once

#include <QObject>

class QSocketNotifier;

namespace dlm::studio {

/// \brief Turns SIGTERM, SIGINT and SIGHUP into a normal quit of the event loop, so that the
/// studio unwinds as when its window is closed: the controller stops the virtual board and the
/// link, and the journal stays on disk for recovery (a signal is not a save).
///
/// A signal handler may only do async-signal-safe work: it writes one byte to a socket pair,
/// and the event loop reads it (the classic self-pipe pattern).
class TerminationSignals : public QObject {
  Q_OBJECT
public:
  explicit TerminationSignals(QObject* parent = nullptr);
  ~TerminationSignals() override;

signals:
  void received(int signalNumber);

private:
  QSocketNotifier* m_notifier = nullptr;
};

} // namespace dlm::studio
