#pragma once

#include <QDialog>
#include <QString>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace dlm::app {
class FlashControl;
} // namespace dlm::app

namespace dlm::ui {

/// \brief Board → Flash firmware…: the board, the probe tool, the image (found by itself,
/// or chosen), then the run with its progress, a clear outcome and, one click away, what the
/// tool printed. The tool runs in its own process; the dialog stays responsive and Cancel
/// stops it.
class FlashDialog : public QDialog {
  Q_OBJECT
public:
  explicit FlashDialog(app::FlashControl* flashing, QWidget* parent = nullptr);

  /// \brief The outcome as shown (empty before a run ends).
  QString outcomeText() const;
  /// \brief The image as shown (the one found, or the one chosen).
  QString imagePath() const;
  /// \brief Show or hide what the tool printed.
  void setDetailsVisible(bool visible);

protected:
  void reject() override;

private:
  QWidget* buildForm();
  QWidget* buildRun();
  void fillChoices();
  void updateImage();
  void browse();
  void startFlash();
  void onStarted(const QString& commandLine);
  void onProgress(int percent, const QString& stage);
  void onFinished(bool ok, const QString& message);
  void setRunning(bool running);
  void fitHeight(bool shrink);

  app::FlashControl* m_flashing;
  QComboBox* m_board = nullptr;
  QComboBox* m_probe = nullptr;
  QLineEdit* m_image = nullptr;
  QPushButton* m_browse = nullptr;
  QLabel* m_imageNote = nullptr;
  QProgressBar* m_progress = nullptr;
  QLabel* m_stage = nullptr;
  QLabel* m_outcomeIcon = nullptr;
  QLabel* m_outcome = nullptr;
  QToolButton* m_detailsToggle = nullptr;
  QPlainTextEdit* m_details = nullptr;
  QDialogButtonBox* m_buttons = nullptr;
  QPushButton* m_flash = nullptr;
  QPushButton* m_cancel = nullptr;
  QPushButton* m_close = nullptr;
  bool m_imageChosen = false; ///< the user picked the image: do not replace it
  bool m_running = false;
};

} // namespace dlm::ui
