#include "ui/fleet/broker_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace dlm::ui {

namespace {

constexpr int kPlainPort = 1883; // MQTT's registered ports
constexpr int kTlsPort = 8883;

} // namespace

BrokerDialog::BrokerDialog(const app::BrokerSettings& s, QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("Connect to a broker"));
  auto* v = new QVBoxLayout(this);
  auto* intro = new QLabel(tr("The MQTT broker your gateways (dlm-gateway) publish to. The "
                              "studio lists their boards, follows one, and pushes models "
                              "through it."),
                           this);
  intro->setWordWrap(true);
  v->addWidget(intro);
  auto* form = new QFormLayout;
  m_host = new QLineEdit(s.host, this);
  m_host->setObjectName(QStringLiteral("brokerHost"));
  m_host->setPlaceholderText(QStringLiteral("broker.example.com"));
  m_port = new QSpinBox(this);
  m_port->setObjectName(QStringLiteral("brokerPort"));
  m_port->setRange(1, 65535);
  m_port->setValue(s.port);
  m_port->setGroupSeparatorShown(false);
  form->addRow(tr("Host:"), m_host);
  form->addRow(tr("Port:"), m_port);
  v->addLayout(form);
  v->addWidget(buildTls());
  v->addWidget(buildLogin());
  m_tls->setChecked(s.usesTls());
  m_ca->setText(s.caFile);
  m_cert->setText(s.certFile);
  m_key->setText(s.keyFile);
  m_user->setText(s.username);
  m_password->setText(s.password);
  m_remember->setChecked(s.rememberPassword);
  m_problem = new QLabel(this);
  m_problem->setObjectName(QStringLiteral("brokerProblem"));
  m_problem->setWordWrap(true);
  m_problem->setStyleSheet(QStringLiteral("color: #b02a1e;"));
  v->addWidget(m_problem);
  m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
  v->addWidget(m_buttons);
  connect(m_buttons, &QDialogButtonBox::accepted, this, &BrokerDialog::accept);
  connect(m_buttons, &QDialogButtonBox::rejected, this, &BrokerDialog::reject);
  connect(m_tls, &QGroupBox::toggled, this, [this](bool on) {
    // The conventional port follows TLS unless the user chose another one.
    if (on && m_port->value() == kPlainPort) m_port->setValue(kTlsPort);
    if (!on && m_port->value() == kTlsPort) m_port->setValue(kPlainPort);
    updateState();
  });
  for (QLineEdit* e : {m_host, m_ca, m_cert, m_key})
    connect(e, &QLineEdit::textChanged, this, &BrokerDialog::updateState);
  updateState();
}

QWidget* BrokerDialog::fileRow(QLineEdit* edit, const QString& title, const QString& filter) {
  auto* row = new QWidget(this);
  auto* h = new QHBoxLayout(row);
  h->setContentsMargins(0, 0, 0, 0);
  auto* browse = new QPushButton(tr("Browse…"), row);
  h->addWidget(edit, 1);
  h->addWidget(browse);
  connect(browse, &QPushButton::clicked, this, [this, edit, title, filter] {
    const QString path = QFileDialog::getOpenFileName(this, title, edit->text(), filter);
    if (!path.isEmpty()) edit->setText(path);
  });
  return row;
}

QWidget* BrokerDialog::buildTls() {
  m_tls = new QGroupBox(tr("TLS (encrypted, the broker's certificate checked)"), this);
  m_tls->setObjectName(QStringLiteral("brokerTls"));
  m_tls->setCheckable(true);
  auto* form = new QFormLayout(m_tls);
  m_ca = new QLineEdit(m_tls);
  m_cert = new QLineEdit(m_tls);
  m_key = new QLineEdit(m_tls);
  m_ca->setObjectName(QStringLiteral("brokerCa"));
  m_ca->setToolTip(tr("The certificate of the authority that signed the broker's"));
  m_cert->setPlaceholderText(tr("only if the broker asks for one"));
  m_key->setPlaceholderText(tr("with the client certificate"));
  const QString certs = tr("Certificates (*.crt *.pem);;All files (*)");
  form->addRow(tr("CA certificate:"), fileRow(m_ca, tr("CA certificate"), certs));
  form->addRow(tr("Client certificate:"), fileRow(m_cert, tr("Client certificate"), certs));
  form->addRow(tr("Client key:"),
               fileRow(m_key, tr("Client key"), tr("Keys (*.key *.pem);;All files (*)")));
  return m_tls;
}

QWidget* BrokerDialog::buildLogin() {
  auto* box = new QGroupBox(tr("Log in (leave empty for an anonymous broker)"), this);
  auto* form = new QFormLayout(box);
  m_user = new QLineEdit(box);
  m_user->setObjectName(QStringLiteral("brokerUser"));
  m_password = new QLineEdit(box);
  m_password->setObjectName(QStringLiteral("brokerPassword"));
  m_password->setEchoMode(QLineEdit::Password);
  m_remember = new QCheckBox(tr("Remember the password"), box);
  m_remember->setToolTip(tr("Kept as is, unencrypted, in the studio's settings file. Left "
                            "unchecked, the studio asks for it again next time."));
  form->addRow(tr("User name:"), m_user);
  form->addRow(tr("Password:"), m_password);
  form->addRow(QString(), m_remember);
  return box;
}

app::BrokerSettings BrokerDialog::settings() const {
  app::BrokerSettings s;
  s.host = m_host->text().trimmed();
  s.port = m_port->value();
  if (m_tls->isChecked()) {
    s.caFile = m_ca->text().trimmed();
    s.certFile = m_cert->text().trimmed();
    s.keyFile = m_key->text().trimmed();
  }
  s.username = m_user->text();
  s.password = m_password->text();
  s.rememberPassword = m_remember->isChecked();
  return s;
}

QString BrokerDialog::problem() const {
  const app::BrokerSettings s = settings();
  if (s.host.isEmpty()) return tr("Give the broker's host name or address.");
  if (!m_tls->isChecked()) return QString();
  if (s.caFile.isEmpty())
    return tr("TLS needs the CA certificate that signed the broker's certificate.");
  for (const QString& f : {s.caFile, s.certFile, s.keyFile}) {
    if (!f.isEmpty() && !QFileInfo(f).isReadable()) return tr("Cannot read %1.").arg(f);
  }
  if (s.certFile.isEmpty() != s.keyFile.isEmpty())
    return tr("A client certificate goes with its key: give both, or neither.");
  return QString();
}

void BrokerDialog::updateState() {
  const QString why = problem();
  m_problem->setText(why);
  m_problem->setVisible(!why.isEmpty());
  m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

void BrokerDialog::accept() {
  if (!problem().isEmpty()) return;
  QDialog::accept();
}

} // namespace dlm::ui
