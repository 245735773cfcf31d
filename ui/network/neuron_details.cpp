#include "ui/network/neuron_details.h"

#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/common/class_colours.h"
#include "ui/growth/sparkline.h"

namespace dlm::ui {

namespace {

constexpr int kShownValues = 4;

QString formatValue(float v) { return QLocale().toString(static_cast<double>(v), 'f', 3); }

QLabel* sectionLabel(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  QFont f = label->font();
  f.setBold(true);
  label->setFont(f);
  return label;
}

} // namespace

NeuronDetails::NeuronDetails(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 8, 8, 8);
  m_stack = new QStackedWidget(this);
  auto* hint = new QLabel(tr("Click a neuron to see its class, how many events it learned "
                             "from, its centre, metric radii and the events inside its ball."),
                          m_stack);
  hint->setWordWrap(true);
  hint->setAlignment(Qt::AlignCenter);
  hint->setStyleSheet(QStringLiteral("color:#666"));
  m_stack->addWidget(hint);
  m_stack->addWidget(buildDetailsPage());
  layout->addWidget(m_stack);
}

QWidget* NeuronDetails::buildDetailsPage() {
  auto* page = new QWidget(m_stack);
  auto* v = new QVBoxLayout(page);
  v->setContentsMargins(0, 0, 0, 0);
  v->setSpacing(4);
  m_title = new QLabel(page);
  QFont titleFont = m_title->font();
  titleFont.setBold(true);
  titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
  m_title->setFont(titleFont);
  v->addWidget(m_title);

  auto* form = new QFormLayout;
  form->setLabelAlignment(Qt::AlignLeft);
  m_class = new QLabel(page);
  m_support = new QLabel(page);
  form->addRow(tr("Class:"), m_class);
  // Two counts that differ on purpose, named so they do not contradict each other: the
  // events the neuron was built from while learning (its support), and every event of the
  // session that falls inside its ball now (listed below), of any tag, learned or not.
  m_support->setToolTip(tr("Tagged events of its class this neuron was built or widened from "
                           "while learning (its support)"));
  form->addRow(tr("Learned from:"), m_support);
  v->addLayout(form);

  v->addSpacing(4);
  v->addWidget(sectionLabel(tr("Centre"), page));
  m_centreText = new QLabel(page);
  m_centreText->setWordWrap(true);
  m_centreText->setToolTip(tr("Where the neuron sits in its layer's input space"));
  m_centrePlot = new Sparkline(page);
  m_centrePlot->setToolTip(tr("The whole centre vector: component index across, value up"));
  v->addWidget(m_centreText);
  v->addWidget(m_centrePlot);

  v->addSpacing(4);
  v->addWidget(sectionLabel(tr("Metric radii"), page));
  m_radiiText = new QLabel(page);
  m_radiiText->setToolTip(tr("Extent of the neuron's ball along each direction (1/√m)"));
  m_radiiPlot = new Sparkline(page);
  m_radiiPlot->setColour(QColor(0x8e, 0x44, 0xad));
  m_radiiPlot->setToolTip(tr("Radius per direction"));
  v->addWidget(m_radiiText);
  v->addWidget(m_radiiPlot);

  v->addSpacing(4);
  m_coveredTitle = sectionLabel(tr("Events inside its ball"), page);
  m_coveredTitle->setWordWrap(true);
  v->addWidget(m_coveredTitle);
  m_covered = new QListWidget(page);
  m_covered->setToolTip(tr("Every event of the session inside this neuron's ball now, tagged or "
                           "not, learned or not — double-click one to open it"));
  m_covered->setMinimumHeight(80);
  connect(m_covered, &QListWidget::itemActivated, this,
          [this](QListWidgetItem* item) { emit eventActivated(item->data(Qt::UserRole).toInt()); });
  v->addWidget(m_covered, 1);
  return page;
}

void NeuronDetails::setNeuron(const app::NeuronInfo& neuron,
                              const QVector<app::ClassInfo>& classes) {
  m_title->setText(tr("Layer %1 · neuron %2").arg(neuron.layer + 1).arg(neuron.index));
  const QColor colour = ClassPalette::colour(classes, neuron.classIndex);
  m_class->setText(QStringLiteral("<span style=\"color:%1;font-size:14pt\">●</span> %2")
                       .arg(colour.name(), ClassPalette::name(classes, neuron.classIndex)
                                               .toHtmlEscaped()));
  m_support->setText(tr("%Ln event(s)", "", static_cast<int>(neuron.support)));

  QStringList first;
  for (int i = 0; i < std::min<int>(kShownValues, static_cast<int>(neuron.centre.size())); ++i)
    first << formatValue(neuron.centre[i]);
  const QString more = neuron.centre.size() > kShownValues ? QStringLiteral(", …") : QString();
  m_centreText->setText(neuron.centre.isEmpty()
                            ? tr("not available")
                            : tr("%n value(s): %1%2", "", static_cast<int>(neuron.centre.size()))
                                  .arg(first.join(QStringLiteral(", ")), more));
  m_centrePlot->setValues(neuron.centre);
  m_centrePlot->setColour(colour.darker(120));

  if (neuron.radii.isEmpty()) {
    m_radiiText->setText(tr("not available"));
  } else {
    QVector<float> sorted = neuron.radii;
    std::sort(sorted.begin(), sorted.end());
    m_radiiText->setText(tr("min %1 · median %2 · max %3")
                             .arg(formatValue(sorted.constFirst()),
                                  formatValue(sorted[sorted.size() / 2]),
                                  formatValue(sorted.constLast())));
  }
  m_radiiPlot->setValues(neuron.radii);

  m_covered->clear();
  for (int id : neuron.coveredEvents) {
    auto* item = new QListWidgetItem(tr("Event %1").arg(id), m_covered);
    item->setData(Qt::UserRole, id);
  }
  if (neuron.layer > 0) {
    m_covered->setVisible(false);
    m_coveredTitle->setText(tr("Events inside its ball: listed for first-layer neurons only"));
  } else {
    m_covered->setVisible(true);
    //: %Ln: how many events of the session lie inside the neuron's ball now.
    m_coveredTitle->setText(tr("%Ln event(s) inside its ball now", "",
                               static_cast<int>(neuron.coveredEvents.size())));
  }
  m_stack->setCurrentIndex(1);
}

void NeuronDetails::clear() {
  m_covered->clear();
  m_stack->setCurrentIndex(0);
}

int NeuronDetails::coveredCount() const { return m_covered->count(); }

} // namespace dlm::ui
