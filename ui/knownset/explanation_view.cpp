#include "ui/knownset/explanation_view.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

#include "ui/common/class_colours.h"

namespace dlm::ui {

namespace {

constexpr int kShownScores = 3;

QTableWidgetItem* numberItem(double value, int decimals) {
  auto* item = new QTableWidgetItem(QString::number(value, 'f', decimals));
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

} // namespace

ExplanationView::ExplanationView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  m_stack = new QStackedWidget(this);
  auto* hint = new QLabel(tr("Click an event in the map to see why it was classified as it "
                             "was: its nearest neurons and its margin to the boundary."),
                          m_stack);
  hint->setWordWrap(true);
  hint->setAlignment(Qt::AlignCenter);
  hint->setStyleSheet(QStringLiteral("color:#666"));
  m_stack->addWidget(hint);

  auto* page = new QWidget(m_stack);
  auto* v = new QVBoxLayout(page);
  v->setContentsMargins(0, 0, 0, 0);
  v->setSpacing(6);
  m_event = new QLabel(page);
  m_verdict = new QLabel(page);
  m_verdict->setWordWrap(true);
  m_verdict->setTextFormat(Qt::RichText);
  m_margin = new QLabel(page);
  m_margin->setWordWrap(true);
  m_margin->setToolTip(tr("Known-set score minus the rejection boundary: positive is inside "
                          "the known set, negative outside"));
  m_scores = new QLabel(page);
  m_scores->setWordWrap(true);
  m_scores->setToolTip(tr("The readout's class scores, best first"));
  auto* nearestTitle = new QLabel(tr("<b>Nearest neurons</b>"), page);
  m_nearest = new QTableWidget(0, 4, page);
  m_nearest->setHorizontalHeaderLabels({tr("Neuron"), tr("Class"), tr("q"), tr("Activation")});
  m_nearest->horizontalHeaderItem(2)->setToolTip(
      tr("Metric distance to the neuron's centre: 1 or less is inside its ball"));
  m_nearest->horizontalHeaderItem(3)->setToolTip(tr("The neuron's response to this event"));
  m_nearest->verticalHeader()->setVisible(false);
  m_nearest->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_nearest->setSelectionMode(QAbstractItemView::NoSelection);
  m_nearest->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_nearest->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
  m_nearest->setAlternatingRowColors(true);
  v->addWidget(m_event);
  v->addWidget(m_verdict);
  v->addWidget(m_margin);
  v->addWidget(m_scores);
  v->addWidget(nearestTitle);
  v->addWidget(m_nearest, 1);
  m_stack->addWidget(page);
  layout->addWidget(m_stack);
}

QString ExplanationView::verdict(const app::Explanation& explanation,
                                 const QVector<app::ClassInfo>& classes) {
  const app::PredictionInfo& p = explanation.prediction;
  if (!p.valid) return tr("Not predicted yet");
  if (p.classIndex >= 0)
    return tr("Known: %1 (confidence %2)")
        .arg(ClassPalette::name(classes, p.classIndex))
        .arg(static_cast<double>(p.confidence), 0, 'f', 2);
  return tr("Rejected: outside the known set by %1")
      .arg(static_cast<double>(std::abs(explanation.margin)), 0, 'f', 2);
}

void ExplanationView::setExplanation(const app::Explanation& explanation,
                                     const QVector<app::ClassInfo>& classes) {
  const app::PredictionInfo& p = explanation.prediction;
  m_event->setText(tr("<b>Event %1</b>").arg(explanation.eventId));
  m_verdictPlain = verdict(explanation, classes);
  const bool known = p.valid && p.classIndex >= 0;
  const QString colour = !p.valid ? QStringLiteral("#555")
                         : known  ? ClassPalette::colour(classes, p.classIndex).darker(115).name()
                                  : app::rejectionMarkColour().name();
  const QString mark = !p.valid ? QString() : known ? QStringLiteral("✔ ") : QStringLiteral("✖ ");
  m_verdict->setText(QStringLiteral("<span style=\"font-size:12pt;color:%1\"><b>%2%3</b></span>")
                         .arg(colour, mark, m_verdictPlain.toHtmlEscaped()));
  QString margin = tr("Known-set score %1 · margin %2")
                       .arg(static_cast<double>(p.knownScore), 0, 'f', 2)
                       .arg(static_cast<double>(explanation.margin), 0, 'f', 2);
  if (!known && p.bestClass >= 0)
    margin += QStringLiteral("<br>") +
              tr("The readout would have said %1.").arg(ClassPalette::name(classes, p.bestClass));
  m_margin->setText(margin);

  QVector<int> order(explanation.scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return explanation.scores[a] > explanation.scores[b]; });
  QStringList best;
  for (int i = 0; i < std::min<int>(kShownScores, static_cast<int>(order.size())); ++i)
    best << QStringLiteral("%1 %2").arg(ClassPalette::name(classes, order[i]).toHtmlEscaped())
                .arg(static_cast<double>(explanation.scores[order[i]]), 0, 'f', 2);
  m_scores->setText(best.isEmpty() ? QString() : tr("Class scores: %1").arg(best.join(QStringLiteral(" · "))));

  m_nearest->setRowCount(static_cast<int>(explanation.nearest.size()));
  for (int r = 0; r < explanation.nearest.size(); ++r) {
    const app::Explanation::Near& n = explanation.nearest[r];
    auto* id = new QTableWidgetItem(QString::number(n.neuron));
    auto* cls = new QTableWidgetItem(ClassPalette::name(classes, n.classIndex));
    cls->setForeground(ClassPalette::colour(classes, n.classIndex).darker(120));
    m_nearest->setItem(r, 0, id);
    m_nearest->setItem(r, 1, cls);
    auto* q = numberItem(static_cast<double>(n.q), 2);
    if (n.q <= 1.0f) q->setToolTip(tr("Inside this neuron's ball"));
    m_nearest->setItem(r, 2, q);
    m_nearest->setItem(r, 3, numberItem(static_cast<double>(n.activation), 3));
  }
  m_stack->setCurrentIndex(1);
}

void ExplanationView::clear() {
  m_verdictPlain.clear();
  m_stack->setCurrentIndex(0);
}

} // namespace dlm::ui
