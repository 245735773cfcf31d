#include "ui/knownset/explanation_view.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "ui/common/class_colours.h"

namespace dlm::ui {

namespace {

constexpr int kShownScores = 3;
constexpr int kShownExamples = 3;

QString percent(const QLocale& l, double share) {
  return l.toString(100.0 * share, 'f', share < 0.1 && share > 0.0 ? 1 : 0) + QStringLiteral("%");
}

QTableWidgetItem* numberItem(const QLocale& l, double value, int decimals) {
  auto* item = new QTableWidgetItem(l.toString(value, 'f', decimals));
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

QLabel* wrapped(QWidget* parent) {
  auto* label = new QLabel(parent);
  label->setWordWrap(true);
  label->setTextFormat(Qt::RichText);
  label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  return label;
}

} // namespace

ExplanationView::ExplanationView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  m_stack = new QStackedWidget(this);
  auto* hint = new QLabel(tr("Click an event (in the map or the events list) to see why it was "
                             "accepted or rejected."),
                          m_stack);
  hint->setWordWrap(true);
  hint->setAlignment(Qt::AlignCenter);
  hint->setStyleSheet(QStringLiteral("color:#666"));
  m_stack->addWidget(hint);

  // The explanation scrolls rather than being cut: the known-set dock can be short (1366 × 768)
  // and the technical details add a table.
  auto* scroll = new QScrollArea(m_stack);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  auto* page = new QWidget(scroll);
  auto* v = new QVBoxLayout(page);
  v->setContentsMargins(0, 0, 0, 0);
  v->setSpacing(4);
  m_verdict = wrapped(page);
  m_reason = wrapped(page);
  m_detailsButton = new QToolButton(page);
  m_detailsButton->setText(tr("Technical details"));
  m_detailsButton->setCheckable(true);
  m_detailsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  m_detailsButton->setArrowType(Qt::RightArrow);
  m_detailsButton->setAutoRaise(true);
  m_details = buildDetails(page);
  m_details->setVisible(false);
  connect(m_detailsButton, &QToolButton::toggled, this, [this](bool on) {
    m_details->setVisible(on);
    m_detailsButton->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
  });
  v->addWidget(m_verdict);
  v->addWidget(m_reason);
  v->addWidget(m_detailsButton);
  v->addWidget(m_details, 1);
  v->addStretch(0);
  scroll->setWidget(page);
  m_stack->addWidget(scroll);
  layout->addWidget(m_stack);
}

QWidget* ExplanationView::buildDetails(QWidget* parent) {
  auto* box = new QWidget(parent);
  auto* v = new QVBoxLayout(box);
  v->setContentsMargins(0, 0, 0, 0);
  m_figures = wrapped(box);
  m_nearest = new QTableWidget(0, 4, box);
  m_nearest->setHorizontalHeaderLabels({tr("Neuron"), tr("Class"), tr("q"), tr("Activation")});
  m_nearest->horizontalHeaderItem(2)->setToolTip(
      tr("Metric distance to the neuron's centre: 1 or less is inside its ball"));
  m_nearest->horizontalHeaderItem(3)->setToolTip(tr("The neuron's response to this event"));
  m_nearest->verticalHeader()->setVisible(false);
  m_nearest->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_nearest->setSelectionMode(QAbstractItemView::NoSelection);
  m_nearest->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_nearest->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
  m_nearest->setMinimumHeight(60);
  v->addWidget(m_figures);
  v->addWidget(m_nearest, 1);
  return box;
}

QString ExplanationView::verdict(const app::Explanation& explanation,
                                 const QVector<app::ClassInfo>& classes) {
  const app::PredictionInfo& p = explanation.prediction;
  if (!p.valid) return tr("Not judged yet: nothing learned");
  if (p.classIndex >= 0) return tr("Accepted as %1").arg(ClassPalette::name(classes, p.classIndex));
  return tr("Rejected as unknown");
}

QString ExplanationView::resemblance(const app::Explanation& e,
                                     const QVector<app::ClassInfo>& classes) const {
  if (e.examples.isEmpty()) return tr("No tagged event to compare it with yet.");
  QStringList near;
  const QLocale l = locale();
  for (int i = 0; i < std::min<int>(kShownExamples, int(e.examples.size())); ++i) {
    const app::Explanation::Example& x = e.examples[i];
    near << tr("%1 (event %2, distance %3)")
                .arg(ClassPalette::name(classes, x.classIndex).toHtmlEscaped())
                .arg(x.eventId)
                .arg(l.toString(double(x.distance), 'f', 2));
  }
  return tr("Nearest known examples: %1.").arg(near.join(QStringLiteral(", ")));
}

QString ExplanationView::why(const app::Explanation& e) const {
  const app::PredictionInfo& p = e.prediction;
  const QLocale l = locale();
  const double level = double(p.knownScore);
  const QString typical =
      tr("It is more typical than %1 of known events.").arg(percent(l, std::clamp(level, 0.0, 1.0)));
  const QString strict = percent(l, double(e.threshold));
  if (p.classIndex >= 0) {
    return typical + QLatin1Char(' ') +
           tr("The strictness (%1) rejects only events less typical than that, so it is "
              "accepted.").arg(strict);
  }
  if (e.threshold >= 1.0f) {
    return typical + QLatin1Char(' ') + tr("The strictness is 100%: every event is rejected.");
  }
  return typical + QLatin1Char(' ') +
         tr("The strictness (%1) rejects events less typical than that, so it is rejected; it "
            "would be accepted at a strictness of %2 or less.")
             .arg(strict, percent(l, std::clamp(level, 0.0, 1.0)));
}

void ExplanationView::setExplanation(const app::Explanation& explanation,
                                     const QVector<app::ClassInfo>& classes) {
  const app::PredictionInfo& p = explanation.prediction;
  m_verdictPlain = verdict(explanation, classes);
  const bool known = p.valid && p.classIndex >= 0;
  const QString colour = !p.valid ? QStringLiteral("#555")
                         : known  ? ClassPalette::colour(classes, p.classIndex).darker(115).name()
                                  : app::rejectionMarkColour().name();
  const QString mark = !p.valid ? QString() : known ? QStringLiteral("✔ ") : QStringLiteral("✖ ");
  m_verdict->setText(QStringLiteral("<b>%1</b> · <span style=\"color:%2\"><b>%3%4</b></span>")
                         .arg(tr("Event %1").arg(explanation.eventId), colour, mark,
                              m_verdictPlain.toHtmlEscaped()));
  QString reason = resemblance(explanation, classes);
  if (p.valid) {
    if (!known && p.bestClass >= 0) {
      reason += QLatin1Char(' ') + tr("It resembles %1 most.")
                                       .arg(ClassPalette::name(classes, p.bestClass).toHtmlEscaped());
    }
    reason += QStringLiteral("<br>") + why(explanation).toHtmlEscaped();
  }
  m_reason->setText(reason);
  fillDetails(explanation, classes);
  m_stack->setCurrentIndex(1);
}

void ExplanationView::fillDetails(const app::Explanation& e, const QVector<app::ClassInfo>& classes) {
  const QLocale l = locale();
  QVector<int> order(e.scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return e.scores[a] > e.scores[b]; });
  QStringList best;
  for (int i = 0; i < std::min<int>(kShownScores, static_cast<int>(order.size())); ++i) {
    best << QStringLiteral("%1 %2").arg(ClassPalette::name(classes, order[i]).toHtmlEscaped(),
                                        l.toString(double(e.scores[order[i]]), 'f', 2));
  }
  QString figures = tr("Known-set level %1 · strictness %2 · margin %3")
                        .arg(l.toString(double(e.prediction.knownScore), 'f', 3),
                             l.toString(double(e.threshold), 'f', 3),
                             l.toString(double(e.margin), 'f', 3));
  if (!best.isEmpty()) figures += QStringLiteral("<br>") + tr("Class scores: %1").arg(best.join(QStringLiteral(" · ")));
  figures += QStringLiteral("<br><b>") + tr("Nearest neurons") + QStringLiteral("</b>");
  m_figures->setText(figures);
  m_nearest->setRowCount(static_cast<int>(e.nearest.size()));
  for (int r = 0; r < e.nearest.size(); ++r) {
    const app::Explanation::Near& n = e.nearest[r];
    auto* cls = new QTableWidgetItem(ClassPalette::name(classes, n.classIndex));
    cls->setForeground(ClassPalette::colour(classes, n.classIndex).darker(120));
    m_nearest->setItem(r, 0, new QTableWidgetItem(l.toString(n.neuron)));
    m_nearest->setItem(r, 1, cls);
    auto* q = numberItem(l, static_cast<double>(n.q), 2);
    if (n.q <= 1.0f) q->setToolTip(tr("Inside this neuron's ball"));
    m_nearest->setItem(r, 2, q);
    m_nearest->setItem(r, 3, numberItem(l, static_cast<double>(n.activation), 3));
  }
}

QString ExplanationView::reasonText() const {
  QTextDocument doc;
  doc.setHtml(m_reason->text());
  return doc.toPlainText();
}

bool ExplanationView::detailsShown() const { return m_detailsButton->isChecked(); }

void ExplanationView::clear() {
  m_verdictPlain.clear();
  m_stack->setCurrentIndex(0);
}

} // namespace dlm::ui
