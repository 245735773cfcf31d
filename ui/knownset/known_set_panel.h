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
class EmbeddingPlot;
class ExplanationView;
class ScoreHistogram;

/// \brief The known set, drawn so that it agrees with the decisions: the strictness (the share
/// of known events to reject) with the live rejection of tagged, untagged and marked-unknown
/// events; how typical each event is, with the strictness as a line to drag; a 2-D map whose
/// points carry their own decision; and why a clicked event was accepted or rejected.
class KnownSetPanel : public QWidget {
  Q_OBJECT

public:
  using Projection = app::KnownSetMap::Projection;

  /// \brief Slider positions: the strictness moves in steps of 100% / kSliderSteps.
  static constexpr int kSliderSteps = 200;

  explicit KnownSetPanel(QWidget* parent = nullptr);
  ~KnownSetPanel() override;

  /// \brief Strictness shown (a share of known events to reject, 0..1).
  float threshold() const { return m_threshold; }
  /// \brief Features of the descriptor, for the feature-pair spin boxes.
  void setFeatureCount(int dims);
  /// \brief "Rejected now: 1 of 15 tagged · 4 of 6 untagged".
  QString rejectionText() const;
  /// \brief Verdict shown in the explanation box ("" when none).
  QString explanationVerdict() const;
  ExplanationView* explanation() const { return m_explanation; }
  EmbeddingPlot* embedding() const { return m_embedding; }
  ScoreHistogram* histogram() const { return m_histogram; }
  QSlider* thresholdSlider() const { return m_slider; }
  /// \brief The map being drawn.
  const app::KnownSetMap& map() const { return m_map; }

public slots:
  /// \brief Draw \p map with \p classes' colours; drawn at the next repaint tick.
  void setMap(const dlm::app::KnownSetMap& map, const QVector<dlm::app::ClassInfo>& classes);
  /// \brief Show why an event was classified as it was (after explainRequested()).
  void showExplanation(const dlm::app::Explanation& explanation);
  /// \brief Move the strictness without emitting thresholdChanged.
  void setThreshold(float threshold);
  /// \brief Apply a pending map now instead of at the next repaint tick.
  void refreshNow();

signals:
  /// \brief The user moved the strictness (slider or the histogram's line).
  void thresholdChanged(float threshold);
  /// \brief The user chose another projection (feature indices are 0-based).
  void projectionRequested(dlm::app::KnownSetMap::Projection projection, int featureX,
                           int featureY);
  /// \brief The user clicked event \p eventId: the application should answer with
  /// showExplanation().
  void explainRequested(int eventId);

private:
  QWidget* buildStrictness();
  QWidget* buildMapColumn();
  void refresh();
  void updateRejectionText();
  void updateLegend();
  void onSliderMoved(int position);
  void onProjectionEdited();
  void applyThreshold(float threshold, bool emitChange);

  EmbeddingPlot* m_embedding = nullptr;
  ScoreHistogram* m_histogram = nullptr;
  ExplanationView* m_explanation = nullptr;
  QComboBox* m_projection = nullptr;
  QSpinBox* m_featureX = nullptr;
  QSpinBox* m_featureY = nullptr;
  QSlider* m_slider = nullptr;
  QLabel* m_thresholdValue = nullptr;
  QLabel* m_rejection = nullptr;
  QLabel* m_legend = nullptr;
  Coalescer* m_coalescer = nullptr;
  app::KnownSetMap m_map;
  app::KnownSetMap m_pendingMap;
  QVector<app::ClassInfo> m_classes;
  bool m_pending = false;
  float m_threshold = 0.0f;
  int m_explainedId = -1;  // the event the explanation describes, asked again on every map
};

} // namespace dlm::ui
