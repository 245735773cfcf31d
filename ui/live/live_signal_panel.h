#pragma once

#include <QColor>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include "app/views/sample_store.h"
#include "app/views/trigger_defaults.h"

class QCheckBox;
class QComboBox;
class QCPGraph;
class QCPItemRect;
class QCPItemStraightLine;
class QCPItemText;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QMouseEvent;
class QToolButton;

namespace dlm::ui {

class Coalescer;

/// \brief Live plot of the board's sample stream: one line per channel over a rolling window,
/// pause (the stream keeps buffering), zoom and pan while paused, autoscale, shaded detected
/// events and an adjustable trigger threshold.
///
/// Samples go into the studio's sample store (30 s at the sample rate; its gap policy breaks the
/// line where frames were lost); the plot is rebuilt at most every
/// 40 ms, decimated to a minimum and a maximum per pixel column when the window holds more
/// samples than the plot has pixels.
class LiveSignalPanel : public QWidget {
  Q_OBJECT

public:
  static constexpr int kMaxChannels = app::SampleStore::kMaxChannels;
  /// \brief Longest selectable window; the ring holds this much.
  static constexpr double kMaxWindowSeconds = 30.0;

  explicit LiveSignalPanel(QWidget* parent = nullptr);
  ~LiveSignalPanel() override;

  /// \brief The stream's format from the board's handshake: \p hz frames per second of
  /// \p channels channels. Clears the buffer when it changes.
  void setStreamFormat(int hz, int channels);
  /// \brief setStreamFormat() at \p hz, keeping the channel count.
  void setSampleRate(int hz) { setStreamFormat(hz, m_ring.channels()); }
  int sampleRate() const { return m_ring.sampleRateHz(); }
  /// \brief Legend names of the channels (default x, y, z, ch 4, ch 5, ch 6).
  void setChannelNames(const QStringList& names);
  /// \brief Label of the value axis, with its unit (default "Acceleration (counts)").
  void setValueAxisLabel(const QString& label);

  double windowSeconds() const { return m_windowSeconds; }
  bool isPaused() const { return m_paused; }
  bool autoscale() const { return m_autoscale; }
  float threshold() const { return m_threshold; }

  /// \brief Frames received since the last clear (nothing is dropped by the panel).
  quint64 receivedFrames() const { return m_ring.receivedFrames(); }
  /// \brief Frames the stream skipped (gaps in its indices).
  quint64 gapFrames() const { return m_ring.gapFrames(); }
  /// \brief Frames currently held by the ring (at most bufferCapacityFrames()).
  int bufferedFrames() const { return m_ring.size(); }
  /// \brief Fixed capacity of the ring, in frames.
  int bufferCapacityFrames() const { return m_ring.capacity(); }
  /// \brief Frames of the rolling window now held: min(buffered, window × rate).
  int windowFrames() const;
  /// \brief Absolute index one past the newest frame received.
  quint64 endFrameIndex() const { return m_ring.endIndex(); }
  /// \brief Received sample of \p channel at absolute \p frame (SampleStore::kMissing if not).
  qint16 sample(quint64 frame, int channel) const { return m_ring.at(frame, channel); }
  /// \brief Time range (s) the plot shows now.
  QPointF displayedRange() const;
  /// \brief Absolute index one past the newest frame the plot shows (frozen while paused).
  quint64 displayedEndFrame() const;
  /// \brief Points in the plot's line for \p channel (after decimation).
  int displayedPoints(int channel) const;
  /// \brief The plot, for embedding tweaks (fonts, export).
  QCustomPlot* plot() const { return m_plot; }

public slots:
  /// \brief Append \p interleaved frames of \p channels channels (1–6) whose first frame has
  /// stream index \p firstIndex. Cheap: copies into the ring and schedules a repaint.
  void appendSamples(quint32 firstIndex, int channels, const QVector<qint16>& interleaved);
  /// \brief Shade the detected event [\p start, \p start + \p frames) in \p colour with \p label.
  void markEvent(quint32 start, quint32 frames, const QColor& colour, const QString& label);
  /// \brief Remove the shaded events.
  void clearEvents();
  /// \brief Move the trigger line (does not emit thresholdChanged).
  void setThreshold(float threshold);
  /// \brief Rate and losses measured by the link, shown in the plot's corner.
  void setStreamStats(double samplesPerSecond, quint64 lost);
  /// \brief Rolling window length in seconds (2, 5, 10 or 30 in the selector).
  void setWindowSeconds(double seconds);
  /// \brief Freeze the view (the stream keeps buffering) or follow the newest samples again.
  void setPaused(bool paused);
  /// \brief Fit the value axis to the visible samples on every repaint.
  void setAutoscale(bool on);
  /// \brief Forget all samples and events.
  void clear();
  /// \brief Repaint now instead of at the next coalescing tick.
  void refreshNow();

signals:
  /// \brief The user moved the trigger threshold (spin box or by dragging the line).
  void thresholdChanged(float threshold);
  /// \brief Pause was toggled (by the user or setPaused()).
  void pausedChanged(bool paused);

private:
  struct Mark {
    quint64 start = 0;
    quint32 frames = 0;
    QColor colour;
    QString label;
  };

  QWidget* buildControls();
  void buildPlot();
  void buildItems();
  void applyChannelStyle();
  void refresh();
  void updateXRange(const app::SampleStore& source);
  void updateGraphs(const app::SampleStore& source);
  void updateYRange();
  void updateMarks(const app::SampleStore& source);
  void updateOverlays(const app::SampleStore& source);
  void updateThresholdItems();
  void updateInteractions();
  void onPlotMousePress(QMouseEvent* event);
  void onPlotMouseMove(QMouseEvent* event);
  void onPlotMouseRelease(QMouseEvent* event);
  void userSetThreshold(float threshold);

  QCustomPlot* m_plot = nullptr;
  QVector<QCPGraph*> m_graphs;
  QVector<QCPItemRect*> m_markRects;
  QVector<QCPItemText*> m_markLabels;
  QCPItemStraightLine* m_thresholdLine = nullptr;
  QCPItemText* m_thresholdLabel = nullptr;
  QCPItemText* m_emptyText = nullptr;
  QToolButton* m_pauseButton = nullptr;
  QComboBox* m_windowCombo = nullptr;
  QCheckBox* m_autoscaleBox = nullptr;
  QDoubleSpinBox* m_thresholdSpin = nullptr;
  QLabel* m_statsLabel = nullptr;
  QLabel* m_pausedLabel = nullptr;
  Coalescer* m_coalescer = nullptr;

  app::SampleStore m_ring;
  app::SampleStore m_frozen;  // copy taken at pause: what the paused view shows
  QVector<QPointF> m_scratch;
  QVector<Mark> m_marks;
  QStringList m_channelNames;
  double m_windowSeconds = 10.0;
  bool m_paused = false;
  bool m_autoscale = true;
  bool m_settingRange = false;
  bool m_draggingThreshold = false;
  float m_threshold = app::kDefaultTriggerThreshold;
  double m_yMin = 0.0;
  double m_yMax = 0.0;
  double m_samplesPerSecond = 0.0;
  quint64 m_lost = 0;
  bool m_haveStats = false;
};

} // namespace dlm::ui
