#include "ui/board/text_stream_box.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

namespace dlm::ui {

namespace {

QString rateSourceText(app::TextStreamView::RateSource source) {
  switch (source) {
  case app::TextStreamView::RateSource::Arrival: return TextStreamBox::tr("line arrival times");
  case app::TextStreamView::RateSource::Timestamp: return TextStreamBox::tr("its timestamps");
  case app::TextStreamView::RateSource::User: return TextStreamBox::tr("set by you");
  case app::TextStreamView::RateSource::Unknown: break;
  }
  return TextStreamBox::tr("not known yet");
}

QLabel* valueLabel(QWidget* parent) {
  auto* label = new QLabel(parent);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  label->setWordWrap(true);
  return label;
}

} // namespace

TextStreamBox::TextStreamBox(QWidget* parent) : QGroupBox(tr("Text stream"), parent) {
  auto* v = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  m_format = valueLabel(this);
  m_names = valueLabel(this);
  m_timestamp = valueLabel(this);
  m_scale = valueLabel(this);
  m_lines = valueLabel(this);
  form->addRow(tr("Format:"), m_format);
  form->addRow(tr("Names:"), m_names);
  form->addRow(tr("Timestamp:"), m_timestamp);
  form->addRow(tr("Scale:"), m_scale);
  form->addRow(tr("Lines:"), m_lines);
  v->addLayout(form);
  // Garbage by kind: never fatal, but a climbing count says what is wrong with the sketch
  // or the cable (binary noise is usually a wrong baud rate).
  auto* garbage = new QFormLayout;
  for (int k = 0; k < app::kTextGarbageKinds; ++k) {
    m_garbage[std::size_t(k)] = valueLabel(this);
    m_garbage[std::size_t(k)]->setText(QStringLiteral("0"));
    garbage->addRow(garbageName(app::TextGarbage(k)) + QLatin1Char(':'), m_garbage[std::size_t(k)]);
  }
  auto* title = new QLabel(tr("Unreadable lines (skipped):"), this);
  title->setToolTip(tr("Lines that were not samples of the stream. They are skipped and "
                       "counted; the stream goes on."));
  v->addWidget(title);
  v->addLayout(garbage);
  auto* row = new QHBoxLayout;
  m_override = new QPushButton(tr("Channels and rate…"), this);
  m_override->setToolTip(tr("Set the number of channels or the sample rate yourself instead "
                            "of letting the studio infer them"));
  connect(m_override, &QPushButton::clicked, this, &TextStreamBox::overridesRequested);
  row->addWidget(m_override);
  row->addStretch(1);
  v->addLayout(row);
}

QString TextStreamBox::garbageName(app::TextGarbage kind) {
  switch (kind) {
  case app::TextGarbage::NonNumeric: return tr("Not numbers");
  case app::TextGarbage::WrongColumns: return tr("Wrong column count");
  case app::TextGarbage::TooManyColumns: return tr("Too many columns");
  case app::TextGarbage::NonFinite: return tr("NaN or infinity");
  case app::TextGarbage::Overlong: return tr("Too long");
  case app::TextGarbage::Binary: return tr("Binary bytes");
  }
  return QString();
}

void TextStreamBox::setFormat(const app::TextStreamView& format) {
  const QLocale l = locale();
  const QString rate = l.toString(format.rateHz, 'f', format.rateHz == std::floor(format.rateHz)
                                                          ? 0 : 1);
  //: %1: a sample rate; %2: where it comes from ("line arrival times", "its timestamps"...).
  m_format->setText(tr("%n channel(s) at %1 Hz (%2)", "", format.channels)
                        .arg(rate, rateSourceText(format.rateSource)));
  m_names->setText(format.names.join(QStringLiteral(", ")));
  m_timestamp->setText(format.timestampUnit.isEmpty()
                           ? tr("none")
                           : tr("first column, in %1").arg(format.timestampUnit));
  const QString factor = l.toString(format.scale, 'g', 6);
  m_scale->setText(format.autoScale ? tr("× %1 to counts (automatic)").arg(factor)
                                    : tr("× %1 to counts (set by you)").arg(factor));
}

void TextStreamBox::setStats(const app::TextStatsView& stats) {
  const QLocale l = locale();
  //: %1: sample lines; %2: every line read.
  m_lines->setText(tr("%1 samples of %2 lines").arg(l.toString(stats.frames), l.toString(stats.lines)));
  for (int k = 0; k < app::kTextGarbageKinds; ++k) {
    const quint64 n = stats.garbage[std::size_t(k)];
    QLabel* label = m_garbage[std::size_t(k)];
    label->setText(l.toString(n));
    label->setStyleSheet(n > 0 ? QStringLiteral("color:#bf360c") : QString());
  }
}

QString TextStreamBox::formatText() const { return m_format->text(); }

QString TextStreamBox::garbageText(app::TextGarbage kind) const {
  return m_garbage[std::size_t(kind)]->text();
}

} // namespace dlm::ui
