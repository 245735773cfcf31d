// MainWindow: a board that prints numbers. The offer when a port does not answer the
// handshake but prints lines of numbers, what text mode changes (no push or pull, the stream's
// own channel names), and the channels-and-rate override.
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

#include "app/controller/studio_controller.h"
#include "ui/board/board_panel.h"
#include "ui/board/text_stream_box.h"
#include "ui/events/events_panel.h"
#include "ui/live/live_signal_panel.h"
#include "ui/main_window/main_window.h"
#include "ui/main_window/main_window_actions.h"

namespace dlm::ui {

namespace {

constexpr double kMaxOverrideRateHz = 8000.0;  // the parser's highest common rate

QString axisLabel(const app::TextStreamView& format) {
  if (format.scale == 1.0) return MainWindow::tr("printed values (counts)");
  //: %1: the factor from printed values to counts, e.g. "1000".
  return MainWindow::tr("printed values × %1 (counts)").arg(QLocale().toString(format.scale, 'g', 6));
}

} // namespace

void MainWindow::wireTextStream() {
  app::StudioController* c = m_controller;
  connect(c, &app::StudioController::textStreamOffered, this, &MainWindow::showTextOffer);
  connect(c, &app::StudioController::textStreamOfferEnded, this, [this] {
    if (m_textOffer) m_textOffer->close();
  });
  connect(c, &app::StudioController::textFormatChanged, this,
          [this](const app::TextStreamView& format) {
            m_board->textStream()->setFormat(format);
            m_live->setChannelNames(format.names);
            m_live->setValueAxisLabel(axisLabel(format));
            m_events->setChannelNames(format.names);
          });
  connect(c, &app::StudioController::textStatsChanged, m_board->textStream(),
          &TextStreamBox::setStats);
  connect(m_board, &BoardPanel::textOverridesRequested, this, &MainWindow::showTextOverrides);
}

QMessageBox* MainWindow::textStreamOffer() const { return m_textOffer.data(); }

void MainWindow::applyBoardMode(const app::BoardInfoView& info) {
  const bool text = info.isTextStream;
  m_board->setTextMode(text);
  // Nothing to push to or pull from: the board runs no model (the controller refuses too).
  m_actions->push->setEnabled(!text);
  // A board of the fleet is pushed to through its gateway; there is no pull through a broker.
  m_actions->pull->setEnabled(!text && info.fleetKey.isEmpty());
  m_board->setFleetBoard(info.fleetKey);
  if (text) {
    const app::TextStreamView format = m_controller->textStream();
    m_live->setChannelNames(format.names);
    m_live->setValueAxisLabel(axisLabel(format));
    m_events->setChannelNames(format.names);
    return;
  }
  m_live->setChannelNames({QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")});
  m_events->setChannelNames({QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z"),
                             QStringLiteral("c4"), QStringLiteral("c5"), QStringLiteral("c6")});
  m_live->setValueAxisLabel(tr("acceleration (counts, 4096 = 1 g)"));
}

void MainWindow::showTextOffer(const QString& path, const app::TextStreamView& format) {
  if (m_textOffer) m_textOffer->close();
  const QString rate =
      locale().toString(format.rateHz, 'f', format.rateHz == std::floor(format.rateHz) ? 0 : 1);
  //: %1: a serial port; %2: a sample rate in Hz; %3: the channels' names.
  const QString text =
      tr("No Deeplomath board answered on %1, but it prints lines of numbers: %n channel(s) "
         "at %2 Hz (%3).",
         "", format.channels)
          .arg(path, rate, format.names.join(QStringLiteral(", ")));
  auto* box = new QMessageBox(QMessageBox::Question, tr("A board that prints numbers"), text,
                              QMessageBox::NoButton, this);
  box->setInformativeText(tr("As a text-stream board, the studio finds its events itself, "
                             "learns and predicts them; you export the model instead of "
                             "pushing it."));
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->setWindowModality(Qt::NonModal);  // the studio goes on while the user thinks
  QPushButton* use = box->addButton(tr("Use as a text-stream board"), QMessageBox::AcceptRole);
  QPushButton* wait =
      box->addButton(tr("Keep waiting for a Deeplomath board"), QMessageBox::RejectRole);
  box->setDefaultButton(use);
  box->setEscapeButton(wait);
  connect(box, &QMessageBox::buttonClicked, this, [this, use](QAbstractButton* clicked) {
    if (clicked == use) m_controller->acceptTextStream();
    else m_controller->declineTextStream();
  });
  m_textOffer = box;
  box->show();
}

void MainWindow::showTextOverrides() {
  const app::TextStreamView format = m_controller->textStream();
  QDialog dialog(this);
  dialog.setWindowTitle(tr("Channels and rate of the text stream"));
  auto* layout = new QVBoxLayout(&dialog);
  auto* note = new QLabel(tr("The studio infers both from the lines the board prints. Set "
                             "them yourself when it gets them wrong; 0 lets it infer again."),
                          &dialog);
  note->setWordWrap(true);
  layout->addWidget(note);
  auto* form = new QFormLayout;
  auto* channels = new QSpinBox(&dialog);
  channels->setRange(0, 16);
  channels->setSpecialValueText(tr("inferred (%1)").arg(format.channels));
  channels->setValue(format.overrides.channels);
  auto* rate = new QDoubleSpinBox(&dialog);
  rate->setRange(0.0, kMaxOverrideRateHz);
  rate->setDecimals(1);
  rate->setSuffix(tr(" Hz"));
  rate->setSpecialValueText(tr("inferred (%1 Hz)").arg(locale().toString(format.rateHz, 'g', 6)));
  rate->setValue(format.overrides.rateHz);
  form->addRow(tr("Channels:"), channels);
  form->addRow(tr("Sample rate:"), rate);
  layout->addLayout(form);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  layout->addWidget(buttons);
  if (dialog.exec() != QDialog::Accepted) return;
  m_controller->setTextStreamOverrides(channels->value(), rate->value());
}

} // namespace dlm::ui
