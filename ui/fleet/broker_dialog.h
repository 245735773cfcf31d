#pragma once

#include <QDialog>

#include "app/views/fleet_views.h"

class QCheckBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace dlm::ui {

/// \brief Fleet → Connect to a broker…: the broker's host and port, TLS (the CA that signed
/// the broker's certificate, and a client certificate when the broker asks for one), a user
/// name and password (remembered only on request). Says what is missing before it lets the
/// user connect; what the broker answers is said by the fleet view.
class BrokerDialog : public QDialog {
  Q_OBJECT
public:
  explicit BrokerDialog(const app::BrokerSettings& settings, QWidget* parent = nullptr);

  app::BrokerSettings settings() const;
  /// \brief What keeps the settings from working, in words; empty when they can be tried.
  QString problem() const;

  void accept() override;

private:
  QWidget* buildTls();
  QWidget* buildLogin();
  QWidget* fileRow(QLineEdit* edit, const QString& title, const QString& filter);
  void updateState();

  QLineEdit* m_host = nullptr;
  QSpinBox* m_port = nullptr;
  QGroupBox* m_tls = nullptr;
  QLineEdit* m_ca = nullptr;
  QLineEdit* m_cert = nullptr;
  QLineEdit* m_key = nullptr;
  QLineEdit* m_user = nullptr;
  QLineEdit* m_password = nullptr;
  QCheckBox* m_remember = nullptr;
  QLabel* m_problem = nullptr;
  QDialogButtonBox* m_buttons = nullptr;
};

} // namespace dlm::ui
