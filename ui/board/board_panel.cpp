#include "ui/board/board_panel.h"

#include <QLocale>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/board/text_stream_box.h"

namespace dlm::ui {

namespace {

enum LinkRow { kRowIn, kRowOut, kRowFrames, kRowCrc, kRowLost, kRowLatency, kRowReconnects,
               kLinkRows };

QString hashText(quint32 crc) {
  return crc == 0 ? BoardPanel::tr("none")
                  : QStringLiteral("0x") +
                        QStringLiteral("%1").arg(crc, 8, 16, QLatin1Char('0')).toUpper();
}

// In the panel's locale (6,4 Ko/s in French): the unit's name is the translator's.
QString rateText(const QLocale& locale, double bytesPerSecond) {
  if (bytesPerSecond >= 1024.0 * 1024.0)
    return BoardPanel::tr("%1 MB/s").arg(locale.toString(bytesPerSecond / (1024.0 * 1024.0), 'f', 2));
  if (bytesPerSecond >= 1024.0)
    return BoardPanel::tr("%1 KB/s").arg(locale.toString(bytesPerSecond / 1024.0, 'f', 1));
  return BoardPanel::tr("%1 B/s").arg(locale.toString(bytesPerSecond, 'f', 0));
}

QLabel* valueLabel(QWidget* parent) {
  auto* label = new QLabel(parent);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  return label;
}

} // namespace

BoardPanel::BoardPanel(QWidget* parent) : QWidget(parent) {
  qRegisterMetaType<app::LinkStatsView>();
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  m_stack = new QStackedWidget(this);
  auto* empty = new QLabel(tr("<p style='font-size:13pt'>No board connected.</p>"
                              "<p>Plug a board in and pick its port, or start the virtual "
                              "board to try the studio without hardware.</p>"),
                           m_stack);
  empty->setAlignment(Qt::AlignCenter);
  empty->setWordWrap(true);
  empty->setStyleSheet(QStringLiteral("color:#555"));
  m_stack->addWidget(empty);

  auto* page = new QWidget(m_stack);
  auto* columns = new QHBoxLayout(page);
  columns->setContentsMargins(0, 0, 0, 0);
  auto* left = new QVBoxLayout;
  left->addWidget(buildIdentity());
  m_textBox = new TextStreamBox(page);
  m_textBox->setVisible(false);
  connect(m_textBox, &TextStreamBox::overridesRequested, this,
          &BoardPanel::textOverridesRequested);
  left->addWidget(m_textBox);
  left->addWidget(buildModel());
  left->addStretch(1);
  columns->addLayout(left, 1);
  auto* right = new QVBoxLayout;
  right->addWidget(buildLink());
  right->addStretch(1);
  columns->addLayout(right, 1);
  // In a short dock the wrapped notices (models differ, push outcome) would be squeezed and
  // clipped: scroll instead.
  auto* scroll = new QScrollArea(m_stack);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setWidget(page);
  // ...but keep the dock as tall as the page wants, so the push and pull buttons show.
  scroll->setMinimumHeight(page->sizeHint().height());
  m_stack->addWidget(scroll);
  layout->addWidget(m_stack);
  setModelHashes(0, 0);
  updateButtons();
}

QWidget* BoardPanel::buildIdentity() {
  auto* box = new QGroupBox(tr("Board"), this);
  auto* form = new QFormLayout(box);
  m_identity = form;
  m_name = valueLabel(box);
  QFont bold = m_name->font();
  bold.setBold(true);
  m_name->setFont(bold);
  m_firmware = valueLabel(box);
  m_core = valueLabel(box);
  m_capacity = valueLabel(box);
  m_capacity->setWordWrap(true);
  m_rate = valueLabel(box);
  m_channels = valueLabel(box);
  form->addRow(tr("Name:"), m_name);
  form->addRow(tr("Firmware:"), m_firmware);
  form->addRow(tr("Core:"), m_core);
  form->addRow(tr("Capacity:"), m_capacity);
  form->addRow(tr("Sample rate:"), m_rate);
  form->addRow(tr("Channels:"), m_channels);
  return box;
}

QWidget* BoardPanel::buildModel() {
  auto* box = new QGroupBox(tr("Model"), this);
  auto* v = new QVBoxLayout(box);
  auto* form = new QFormLayout;
  m_modelForm = form;
  m_studioHash = valueLabel(box);
  m_boardHash = valueLabel(box);
  const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
  m_studioHash->setFont(mono);
  m_boardHash->setFont(mono);
  m_studioHash->setToolTip(tr("CRC-32 of the studio's current model: the model's identity"));
  m_boardHash->setToolTip(tr("CRC-32 of the model the board runs"));
  form->addRow(tr("Studio model:"), m_studioHash);
  form->addRow(tr("Board model:"), m_boardHash);
  m_boardRejection = valueLabel(box);
  m_boardRejection->setText(QStringLiteral("—"));
  m_boardRejection->setToolTip(tr("The share of known events the board rejects as unknown, "
                                  "as it last reported. The studio's Strictness (Known set "
                                  "panel) sets it."));
  form->addRow(tr("Strictness:"), m_boardRejection);
  v->addLayout(form);
  m_badge = new QLabel(box);
  m_badge->setWordWrap(true);
  m_badge->setMargin(6);
  v->addWidget(m_badge);
  m_stale = new QLabel(box);
  m_stale->setWordWrap(true);
  m_stale->setStyleSheet(QStringLiteral("color:#bf360c"));
  m_stale->setVisible(false);
  v->addWidget(m_stale);

  auto* buttons = new QHBoxLayout;
  m_push = new QPushButton(style()->standardIcon(QStyle::SP_ArrowUp), tr("Push model"), box);
  m_push->setToolTip(tr("Send the studio's model to the board; the board checks it before "
                        "running it"));
  m_pull = new QPushButton(style()->standardIcon(QStyle::SP_ArrowDown), tr("Pull model"), box);
  m_pull->setToolTip(tr("Fetch the board's model into the studio"));
  connect(m_push, &QPushButton::clicked, this, &BoardPanel::pushRequested);
  connect(m_pull, &QPushButton::clicked, this, &BoardPanel::pullRequested);
  buttons->addWidget(m_push);
  buttons->addWidget(m_pull);
  buttons->addStretch(1);
  v->addLayout(buttons);

  m_progress = new QProgressBar(box);
  m_progress->setVisible(false);
  m_progress->setTextVisible(true);
  v->addWidget(m_progress);
  auto* outcomeRow = new QHBoxLayout;
  m_outcomeIcon = new QLabel(box);
  m_outcome = new QLabel(box);
  m_outcome->setWordWrap(true);
  outcomeRow->addWidget(m_outcomeIcon, 0, Qt::AlignTop);
  outcomeRow->addWidget(m_outcome, 1);
  v->addLayout(outcomeRow);
  return box;
}

QWidget* BoardPanel::buildLink() {
  auto* box = new QGroupBox(tr("Link"), this);
  auto* v = new QVBoxLayout(box);
  m_link = new QTableWidget(kLinkRows, 2, box);
  m_link->setHorizontalHeaderLabels({tr("Statistic"), tr("Value")});
  m_link->verticalHeader()->setVisible(false);
  m_link->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  m_link->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  m_link->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_link->setSelectionMode(QAbstractItemView::NoSelection);
  m_link->setFocusPolicy(Qt::NoFocus);
  m_link->setAlternatingRowColors(true);
  const QStringList names = {tr("Received"), tr("Sent"), tr("Frames received"), tr("CRC errors"),
                             tr("Lost sample frames"), tr("Command latency"), tr("Reconnects")};
  const QStringList tips = {
      tr("Bytes per second from the board (last second)"),
      tr("Bytes per second to the board (last second)"),
      tr("Frames decoded without error since connecting"),
      tr("Frames rejected for a bad checksum: noise on the line or a loose cable"),
      tr("Sample frames missing from the stream (the link dropped them)"),
      tr("Mean time for the board to acknowledge a command"),
      tr("Times the link was lost and re-established")};
  for (int r = 0; r < kLinkRows; ++r) {
    auto* name = new QTableWidgetItem(names[r]);
    name->setToolTip(tips[r]);
    m_link->setItem(r, 0, name);
    auto* value = new QTableWidgetItem(QStringLiteral("—"));
    value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_link->setItem(r, 1, value);
  }
  // Even rows, and a table exactly as tall as its rows: no empty grid under the statistics.
  const int rowHeight = fontMetrics().height() + 10;
  m_link->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  m_link->verticalHeader()->setDefaultSectionSize(rowHeight);
  m_link->horizontalHeader()->setMinimumSectionSize(110);
  m_link->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  m_link->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  m_link->setFixedHeight(m_link->horizontalHeader()->sizeHint().height() + kLinkRows * rowHeight +
                         2 * m_link->frameWidth());
  v->addWidget(m_link);
  v->addStretch(1);
  return box;
}

void BoardPanel::setBoardInfo(const QString& name, const QString& firmware, const QString& core,
                              const QString& capacity, int sampleRateHz, int channels) {
  m_name->setText(name.isEmpty() ? tr("(unnamed board)") : name);
  m_firmware->setText(firmware);
  m_core->setText(core);
  m_capacity->setText(capacity);
  m_rate->setText(tr("%1 Hz").arg(locale().toString(sampleRateHz)));
  m_channels->setText(locale().toString(channels));
  m_boardRejection->setText(QStringLiteral("—"));  // until the board's status says
  m_connected = true;
  m_stack->setCurrentIndex(1);
  updateButtons();
}

void BoardPanel::clearBoardInfo() {
  setTextMode(false);
  setBoardStale(QString());
  m_connected = false;
  m_pushing = false;
  m_progress->setVisible(false);
  m_stack->setCurrentIndex(0);
  updateButtons();
}

void BoardPanel::setModelHashes(quint32 studio, quint32 board) {
  m_studioHash->setText(hashText(studio));
  m_boardHash->setText(hashText(board));
  m_studioHash->setProperty("crc", studio);
  m_boardHash->setProperty("crc", board);
  QString background, foreground;
  if (board == 0) {
    m_hashState = HashState::BoardEmpty;
    background = QStringLiteral("#eeeeee");
    foreground = QStringLiteral("#424242");
  } else if (studio == board) {
    m_hashState = HashState::Match;
    background = QStringLiteral("#e8f5e9");
    foreground = QStringLiteral("#1b5e20");
  } else {
    m_hashState = HashState::Mismatch;
    background = QStringLiteral("#fff3e0");
    foreground = QStringLiteral("#bf360c");
  }
  m_badge->setText(hashBadgeText());
  m_badge->setStyleSheet(QStringLiteral("QLabel{background:%1;color:%2;border:1px solid %2;"
                                        "border-radius:4px;font-weight:bold}")
                             .arg(background, foreground));
  updateButtons();
}

QString BoardPanel::hashBadgeText() const {
  if (m_textMode) {
    return tr("This board prints numbers and runs no model: the studio detects, learns and "
              "predicts its events. Export the studio's model (File → Export model…) to use "
              "it elsewhere.");
  }
  switch (m_hashState) {
  case HashState::Match: return tr("✔ Models match: the board runs the studio's model.");
  case HashState::Mismatch:
    return tr("≠ Models differ: push to update the board, or pull to use the board's model.");
  case HashState::BoardEmpty:
    // Only suggest a push the Push button can do: with no studio model it is disabled.
    if (m_studioHash->property("crc").toUInt() == 0) {
      return tr("Neither side has a model yet: tag a few events to teach the studio, then push "
                "its model to the board.");
    }
    return tr("The board has no model yet: push the studio's model to it.");
  case HashState::Unknown: break;
  }
  return tr("Model state unknown");
}

void BoardPanel::setPushProgress(qint64 done, qint64 total) {
  m_pushing = true;
  m_progress->setVisible(true);
  const int percent = total > 0 ? static_cast<int>(100 * std::min(done, total) / total) : 0;
  m_progress->setRange(0, 100);
  m_progress->setValue(percent);
  const QLocale l = locale();
  const auto kb = [&l](qint64 bytes) { return l.toString(double(bytes) / 1024.0, 'f', 1); };
  m_progress->setFormat(done >= total && total > 0
                            ? tr("Sent %1 KB — the board is verifying…").arg(kb(total))
                            : tr("Sending model… %1% (%2 of %3 KB)")
                                  .arg(l.toString(percent), kb(done), kb(total)));
  m_outcome->clear();
  m_outcomeIcon->clear();
  updateButtons();
}

void BoardPanel::setPushOutcome(bool ok, const QString& message) {
  m_pushing = false;
  m_progress->setVisible(false);
  const QStyle::StandardPixmap icon = ok ? QStyle::SP_DialogApplyButton
                                         : QStyle::SP_MessageBoxCritical;
  m_outcomeIcon->setPixmap(style()->standardIcon(icon).pixmap(20, 20));
  QString text = ok ? tr("Model pushed and verified: the board now runs it.")
                    : tr("Push failed: %1")
                          .arg(message.isEmpty() ? tr("the board did not confirm the model.")
                                                 : message);
  if (ok && !message.isEmpty()) text += QLatin1Char(' ') + message;
  if (!ok) text += QLatin1Char(' ') + tr("The board keeps its previous model; push again.");
  m_outcome->setText(text);
  m_outcome->setStyleSheet(ok ? QStringLiteral("color:#1b5e20") : QStringLiteral("color:#b71c1c"));
  updateButtons();
}

void BoardPanel::setRejectionThreshold(float share) {
  //: %1: a percentage in the locale's format, e.g. "5.0": the share of known events rejected.
  m_boardRejection->setText(tr("%1% of knowns")
                                .arg(locale().toString(100.0 * static_cast<double>(share), 'f',
                                                       1)));
}

QString BoardPanel::rejectionText() const { return m_boardRejection->text(); }

void BoardPanel::setBoardStale(const QString& reason) {
  // Shown apart from the badge: the hashes say whether the models differ, this says why the
  // board cannot follow the studio's last edits by itself.
  m_stale->setText(reason);
  m_stale->setVisible(!reason.isEmpty());
}

QString BoardPanel::staleText() const { return m_stale->text(); }

QString BoardPanel::pushOutcomeText() const { return m_outcome->text(); }

void BoardPanel::setLinkRow(int row, const QString& value, bool bad) {
  QTableWidgetItem* item = m_link->item(row, 1);
  item->setText(value);
  item->setForeground(bad ? QColor(0xb7, 0x1c, 0x1c) : palette().color(QPalette::Text));
}

void BoardPanel::setLinkStats(const app::LinkStatsView& stats) {
  const QLocale l = locale();
  setLinkRow(kRowIn, rateText(l, stats.bytesInPerSecond));
  setLinkRow(kRowOut, rateText(l, stats.bytesOutPerSecond));
  setLinkRow(kRowFrames, l.toString(stats.framesOk));
  setLinkRow(kRowCrc, l.toString(stats.crcErrors), stats.crcErrors > 0);
  setLinkRow(kRowLost, l.toString(stats.lostFrames), stats.lostFrames > 0);
  setLinkRow(kRowLatency, stats.latencyMs < 0.0
                              ? tr("not measured")
                              : tr("%1 ms").arg(l.toString(stats.latencyMs, 'f', 1)));
  setLinkRow(kRowReconnects, l.toString(stats.reconnects), stats.reconnects > 0);
}

QString BoardPanel::linkStatText(int row) const {
  return row >= 0 && row < kLinkRows ? m_link->item(row, 1)->text() : QString();
}

void BoardPanel::setFleetBoard(const QString& key) {
  if (key == m_fleetKey) return;
  m_fleetKey = key;
  updateButtons();
}

void BoardPanel::setTextMode(bool on) {
  if (on == m_textMode) return;
  m_textMode = on;
  m_textBox->setVisible(on);
  // No firmware, no kernel, no commands: those rows would only say "unknown".
  for (QLabel* row : {m_firmware, m_core, m_capacity}) m_identity->setRowVisible(row, !on);
  m_modelForm->setRowVisible(m_boardRejection, !on);
  // Garbage lines are counted by kind in the text box, not as CRC errors.
  for (int r : {int(kRowOut), int(kRowCrc), int(kRowLatency)}) m_link->setRowHidden(r, on);
  m_link->item(kRowFrames, 0)->setText(on ? tr("Sample lines") : tr("Frames received"));
  const int rows = on ? kLinkRows - 3 : kLinkRows;
  m_link->setFixedHeight(m_link->horizontalHeader()->sizeHint().height() +
                         rows * m_link->verticalHeader()->defaultSectionSize() +
                         2 * m_link->frameWidth());
  setModelHashes(m_studioHash->property("crc").toUInt(), 0);
  m_badge->setText(hashBadgeText());
}

void BoardPanel::updateButtons() {
  const quint32 studio = m_studioHash->property("crc").toUInt();
  const quint32 board = m_boardHash->property("crc").toUInt();
  m_push->setEnabled(m_connected && !m_pushing && studio != 0 && !m_textMode);
  m_pull->setEnabled(m_connected && !m_pushing && board != 0 && !m_textMode &&
                     m_fleetKey.isEmpty());
  if (m_textMode) {
    const QString why = tr("This board prints numbers and runs no model: export the studio's "
                           "model instead (File → Export model…)");
    m_push->setToolTip(why);
    m_pull->setToolTip(why);
    return;
  }
  m_pull->setToolTip(m_fleetKey.isEmpty()
                         ? tr("Fetch the board's model into the studio")
                         : tr("A board of the fleet cannot be pulled through the broker"));
  if (studio == 0) m_push->setToolTip(tr("The studio has no model yet: tag and learn events first"));
  else m_push->setToolTip(tr("Send the studio's model to the board; the board checks it before "
                             "running it"));
}

} // namespace dlm::ui
