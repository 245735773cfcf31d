#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace dlm::ui {

/// \brief Turns many "something changed" requests into one refresh every ~40 ms at most, so a
/// panel fed per sample or per event repaints at display rate, not at data rate.
class Coalescer : public QObject {
  Q_OBJECT

public:
  static constexpr int kDefaultIntervalMs = 40;

  /// \brief Calls \p refresh at most once per \p intervalMs after request().
  explicit Coalescer(std::function<void()> refresh, QObject* parent = nullptr,
                     int intervalMs = kDefaultIntervalMs);

  /// \brief Ask for a refresh; requests made before it runs are merged into it.
  void request();
  /// \brief Run a pending refresh now (tests, screenshots, a panel becoming visible).
  void flush();
  /// \brief True while a refresh is pending.
  bool pending() const { return m_timer.isActive(); }

private:
  std::function<void()> m_refresh;
  QTimer m_timer;
};

} // namespace dlm::ui
