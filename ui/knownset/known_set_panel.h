#pragma once

#include <QVector>
#include <QWidget>

#include "app/views/snapshots.h"

class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;

namespace dlm::ui {

class Coalescer;
class ExplanationView;
class KnownSetPlot;

/// \brief The known set: events projected to 2-D over the known-set score, with the rejection
/// contour, class boundaries and neuron balls; a threshold slider that moves the boundary live;
/// hover for the score, click an event to explain the decision.
class KnownSetPanel : public QWidget {
  Q_OBJECT

public:
  using Projection = app::KnownSetMap::Projection;

  /// \brief Slider positions: the threshold moves in steps of range / kSliderSteps.
  static constexpr int kSliderSteps = 200;

  explicit KnownSetPanel(QWidget* parent = nullptr);
  ~KnownSetPanel() override;

  /// \brief Threshold the slider shows.
  float threshold() const { return m_threshold; }
  /// \brief Features of the descriptor, for the feature-pair spin boxes.
  void setFeatureCount(int dims);
  /// \brief "Rejected: 12.5% of 240 events".
  QString rejectionText() const;
  /// \brief Verdict shown in the explanation box ("" when none).
  QString explanationVerdict() const;
  KnownSetPlot* plot() const { return m_plot; }
  QSlider* thresholdSlider() const { return m_slider; }

public slots:
  /// \brief Draw \p map with \p classes' colours; drawn at the next repaint tick.
  void setMap(const dlm::app::KnownSetMap& map, const QVector<dlm::app::ClassInfo>& classes);
  /// \brief Show why an event was classified as it was (after explainRequested()).
  void showExplanation(const dlm::app::Explanation& explanation);
  /// \brief Move the slider without emitting thresholdChanged.
  void setThreshold(float threshold);
  /// \brief Apply a pending map now instead of at the next repaint tick.
  void refreshNow();

signals:
  /// \brief The user moved the threshold slider.
  void thresholdChanged(float threshold);
  /// \brief The user chose another projection (feature indices are 0-based).
  void projectionRequested(dlm::app::KnownSetMap::Projection projection, int featureX,
                           int featureY);
  /// \brief The user clicked event \p eventId: the application should answer with
  /// showExplanation().
  void explainRequested(int eventId);

private:
  QWidget* buildControls();
  QWidget* buildSide();
  void refresh();
  void updateRejectionText();
  void onSliderMoved(int position);
  void onProjectionEdited();
  float sliderToThreshold(int position) const;
  int thresholdToSlider(float threshold) const;

  KnownSetPlot* m_plot = nullptr;
  ExplanationView* m_explanation = nullptr;
  QComboBox* m_projection = nullptr;
  QSpinBox* m_featureX = nullptr;
  QSpinBox* m_featureY = nullptr;
  QSlider* m_slider = nullptr;
  QLabel* m_thresholdValue = nullptr;
  QLabel* m_rejection = nullptr;
  Coalescer* m_coalescer = nullptr;
  app::KnownSetMap m_pendingMap;
  QVector<app::ClassInfo> m_classes;
  bool m_pending = false;
  float m_threshold = 0.0f;
  float m_thresholdMax = 1.0f;  ///< a share of known events: 1 rejects everything
};

} // namespace dlm::ui
