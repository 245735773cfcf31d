#include "ui/board/flash_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "app/controller/flash_control.h"

namespace dlm::ui {

namespace {

constexpr int kIconSize = 20;
const QString kGood = QStringLiteral("color:#1b5e20");
const QString kBad = QStringLiteral("color:#b71c1c");
const QString kQuiet = QStringLiteral("color:#555");

} // namespace

FlashDialog::FlashDialog(app::FlashControl* flashing, QWidget* parent)
    : QDialog(parent), m_flashing(flashing) {
  setWindowTitle(tr("Flash firmware"));
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(tr("Writes the Deeplomath firmware into the board through its debug "
                              "probe, checks it and restarts the board. The studio lets go of "
                              "the board while the probe works, and reconnects after."),
                           this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  layout->addWidget(buildForm());
  layout->addWidget(buildRun(), 1);
  m_buttons = new QDialogButtonBox(this);
  m_flash = m_buttons->addButton(tr("&Flash"), QDialogButtonBox::AcceptRole);
  m_cancel = m_buttons->addButton(tr("Cancel flashing"), QDialogButtonBox::ActionRole);
  m_close = m_buttons->addButton(QDialogButtonBox::Close);
  m_flash->setDefault(true);
  layout->addWidget(m_buttons);
  connect(m_flash, &QPushButton::clicked, this, &FlashDialog::startFlash);
  connect(m_cancel, &QPushButton::clicked, m_flashing, &app::FlashControl::cancel);
  connect(m_close, &QPushButton::clicked, this, &FlashDialog::reject);
  connect(m_flashing, &app::FlashControl::started, this, &FlashDialog::onStarted);
  connect(m_flashing, &app::FlashControl::progress, this, &FlashDialog::onProgress);
  connect(m_flashing, &app::FlashControl::outputLine, m_details, &QPlainTextEdit::appendPlainText);
  connect(m_flashing, &app::FlashControl::finished, this, &FlashDialog::onFinished);
  fillChoices();
  setRunning(m_flashing->isRunning());
  setDetailsVisible(false);
  resize(sizeHint().expandedTo(QSize(620, 0)));
}

QWidget* FlashDialog::buildForm() {
  auto* form = new QWidget(this);
  auto* grid = new QFormLayout(form);
  grid->setContentsMargins(0, 0, 0, 0);
  m_board = new QComboBox(form);
  m_probe = new QComboBox(form);
  m_probe->setToolTip(tr("openocd (Debian's openocd) writes the ELF image and verifies it; "
                         "st-flash (Debian's stlink-tools) writes the raw .bin image."));
  grid->addRow(tr("&Board:"), m_board);
  grid->addRow(tr("&Probe tool:"), m_probe);
  // The image, its Choose button and, under them, where it came from (or where it was
  // looked for): one field, so the note sits right under the path it explains.
  auto* imageField = new QWidget(form);
  auto* imageColumn = new QVBoxLayout(imageField);
  imageColumn->setContentsMargins(0, 0, 0, 0);
  imageColumn->setSpacing(2);
  auto* imageRow = new QHBoxLayout;
  m_image = new QLineEdit(imageField);
  m_image->setPlaceholderText(tr("No image found: choose one"));
  m_browse = new QPushButton(tr("&Choose…"), imageField);
  imageRow->addWidget(m_image, 1);
  imageRow->addWidget(m_browse);
  m_imageNote = new QLabel(imageField);
  m_imageNote->setWordWrap(true);
  m_imageNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
  imageColumn->addLayout(imageRow);
  imageColumn->addWidget(m_imageNote);
  auto* imageLabel = new QLabel(tr("&Image:"), form);
  imageLabel->setBuddy(m_image);
  grid->addRow(imageLabel, imageField);
  connect(m_board, &QComboBox::currentIndexChanged, this, &FlashDialog::updateImage);
  connect(m_probe, &QComboBox::currentIndexChanged, this, &FlashDialog::updateImage);
  connect(m_browse, &QPushButton::clicked, this, &FlashDialog::browse);
  connect(m_image, &QLineEdit::textEdited, this, [this] { m_imageChosen = true; });
  return form;
}

QWidget* FlashDialog::buildRun() {
  auto* run = new QWidget(this);
  auto* layout = new QVBoxLayout(run);
  layout->setContentsMargins(0, 6, 0, 0);
  m_progress = new QProgressBar(run);
  m_progress->setRange(0, 100);
  m_progress->setValue(0);
  m_stage = new QLabel(tr("Ready."), run);
  m_stage->setStyleSheet(kQuiet);
  auto* outcomeRow = new QHBoxLayout;
  m_outcomeIcon = new QLabel(run);
  m_outcome = new QLabel(run);
  m_outcome->setWordWrap(true);
  m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
  outcomeRow->addWidget(m_outcomeIcon, 0, Qt::AlignTop);
  outcomeRow->addWidget(m_outcome, 1);
  m_detailsToggle = new QToolButton(run);
  m_detailsToggle->setText(tr("What the tool printed"));
  m_detailsToggle->setCheckable(true);
  m_detailsToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  m_detailsToggle->setAutoRaise(true);
  m_details = new QPlainTextEdit(run);
  m_details->setReadOnly(true);
  m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth);
  m_details->setFont(QFont(QStringLiteral("monospace")));
  m_details->setMinimumHeight(160);
  layout->addWidget(m_progress);
  layout->addWidget(m_stage);
  layout->addLayout(outcomeRow);
  layout->addWidget(m_detailsToggle, 0, Qt::AlignLeft);
  layout->addWidget(m_details, 1);
  connect(m_detailsToggle, &QToolButton::toggled, this, &FlashDialog::setDetailsVisible);
  return run;
}

void FlashDialog::fillChoices() {
  for (const app::FlashBoardChoice& b : m_flashing->boards()) m_board->addItem(b.name, b.id);
  auto* model = qobject_cast<QStandardItemModel*>(m_probe->model());
  for (const app::FlashProbeChoice& p : m_flashing->probes()) {
    // Automatic stays choosable even with no tool: flashing then says what to install.
    if (p.installed || p.id == QLatin1String("auto")) {
      m_probe->addItem(p.name, p.id);
      continue;
    }
    m_probe->addItem(tr("%1 — not installed").arg(p.name), p.id);
    if (model != nullptr) model->item(m_probe->count() - 1)->setEnabled(false);
  }
  updateImage();
}

void FlashDialog::updateImage() {
  if (m_board->count() == 0) return;
  if (m_imageChosen) {
    m_imageNote->setText(tr("The image you chose is written as it is."));
    m_imageNote->setStyleSheet(kQuiet);
    return;
  }
  QString why;
  const QString image = m_flashing->imageFor(m_board->currentData().toString(),
                                             m_probe->currentData().toString(), &why);
  m_image->setText(image);
  if (image.isEmpty()) {
    m_imageNote->setText(why);
    m_imageNote->setStyleSheet(kBad);
  } else {
    m_imageNote->setText(tr("Found by itself; choose another image to write that one."));
    m_imageNote->setStyleSheet(kQuiet);
  }
}

void FlashDialog::browse() {
  const QString start =
      m_image->text().isEmpty() ? QString() : QFileInfo(m_image->text()).absolutePath();
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Choose the firmware image"), start,
      tr("Firmware images (*.elf *.bin);;All files (*)"));
  if (path.isEmpty()) return;
  m_imageChosen = true;
  m_image->setText(path);
  updateImage();
}

void FlashDialog::startFlash() {
  m_details->clear();
  m_outcome->clear();
  m_outcomeIcon->clear();
  m_progress->setValue(0);
  m_flashing->start(m_board->currentData().toString(), m_probe->currentData().toString(),
                    m_imageChosen ? m_image->text() : QString());
}

void FlashDialog::onStarted(const QString& commandLine) {
  setRunning(true);
  m_details->appendPlainText(QStringLiteral("$ ") + commandLine);
}

void FlashDialog::onProgress(int percent, const QString& stage) {
  m_progress->setValue(percent);
  m_stage->setText(stage);
}

void FlashDialog::onFinished(bool ok, const QString& message) {
  setRunning(false);
  if (ok) m_progress->setValue(100);
  m_stage->setText(ok ? tr("Done.") : tr("Stopped."));
  const QStyle::StandardPixmap icon = ok ? QStyle::SP_DialogApplyButton
                                         : QStyle::SP_MessageBoxCritical;
  m_outcomeIcon->setPixmap(style()->standardIcon(icon).pixmap(kIconSize, kIconSize));
  m_outcome->setText(message);
  m_outcome->setStyleSheet(ok ? kGood : kBad);
  fitHeight(false);
}

void FlashDialog::fitHeight(bool shrink) {
  // A window does not follow its wrapped labels' height for its width (Qt sizes top-levels
  // from size hints): a two-line outcome would push the output under the buttons. The
  // user's width is kept.
  QLayout* l = layout();
  l->activate();
  const int needed = l->hasHeightForWidth() ? l->totalHeightForWidth(width())
                                            : l->totalSizeHint().height();
  if (shrink || needed > height()) resize(width(), needed);
}

void FlashDialog::setRunning(bool running) {
  m_running = running;
  m_board->setEnabled(!running);
  m_probe->setEnabled(!running);
  m_image->setEnabled(!running);
  m_browse->setEnabled(!running);
  m_flash->setEnabled(!running);
  m_cancel->setVisible(running);
  m_close->setEnabled(!running);
}

void FlashDialog::setDetailsVisible(bool visible) {
  m_detailsToggle->setChecked(visible);
  m_detailsToggle->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
  m_details->setVisible(visible);
  fitHeight(!visible);
}

QString FlashDialog::outcomeText() const { return m_outcome->text(); }

QString FlashDialog::imagePath() const { return m_image->text(); }

void FlashDialog::reject() {
  // Closing while the tool writes would leave it running unseen: the tool is stopped first.
  if (m_running) m_flashing->cancel();
  QDialog::reject();
}

} // namespace dlm::ui
