// Same numbers on host and board (issue 13): the spectral front-end's descriptors of fixed
// signals (devices/boards/mps2-an386/spectral_signal.h), computed by the Cortex-M4F image
// dlm-spectral-bench-m4f under QEMU (-icount shift=0), against the host's. Also prints the
// image's instruction counts per event (ctest -V).
#include <QtTest>

#include <QProcess>
#include <QRegularExpression>
#include <cmath>
#include <cstring>
#include <map>
#include <vector>

#include "core/front_end.h"
#include "spectral_signal.h"

namespace {

struct BoardRun {
  std::map<QString, std::vector<float>> values;  // by event name, in index order
  QStringList costs;
  bool done = false;
};

BoardRun runImage(QString* error) {
  BoardRun run;
  QProcess qemu;
  qemu.setProgram(DLM_QEMU_SYSTEM_ARM);
  qemu.setArguments({"-M", "mps2-an386", "-nographic", "-monitor", "none", "-serial", "stdio",
                     "-semihosting-config", "enable=on,target=native", "-icount", "shift=0",
                     "-kernel", DLM_M4F_SPECTRAL_ELF});
  qemu.setStandardInputFile(QProcess::nullDevice());
  qemu.start();
  if (!qemu.waitForFinished(60000)) {
    qemu.kill();
    qemu.waitForFinished(5000);
    *error = "QEMU did not finish within 60 s";
    return run;
  }
  const QString out = QString::fromLatin1(qemu.readAllStandardOutput()).remove('\r');
  static const QRegularExpression value("^DLM-SPECTRAL value (\\S+) (\\d+) ([0-9a-f]{8})$");
  for (const QString& line : out.split('\n')) {
    const QRegularExpressionMatch m = value.match(line);
    if (m.hasMatch()) {
      std::vector<float>& v = run.values[m.captured(1)];
      const std::uint32_t bits = m.captured(3).toUInt(nullptr, 16);
      float f = 0.0f;
      std::memcpy(&f, &bits, sizeof f);
      if (int(v.size()) != m.captured(2).toInt()) *error = "values out of order";
      v.push_back(f);
    } else if (line.startsWith("DLM-SPECTRAL cost")) {
      run.costs << line;
    } else if (line == "DLM-SPECTRAL DONE") {
      run.done = true;
    }
  }
  if (qemu.exitCode() != 0) *error = QString("exit status %1:\n%2").arg(qemu.exitCode()).arg(out);
  return run;
}

std::vector<float> hostDescriptor(const dlm::FrontEndConfig& config, const std::int16_t* samples,
                                  std::uint32_t frames) {
  std::vector<std::uint8_t> work(dlm::EventFrontEnd::workBytes(config));
  dlm::EventFrontEnd fe;
  std::vector<float> out(config.dims(), 0.0f);
  if (fe.init(config, work.data(), work.size()) != dlm::Status::Ok ||
      fe.compute(samples, frames, out.data(), out.size()) != dlm::Status::Ok)
    return {};
  return out;
}

} // namespace

class TestM4fSpectral : public QObject {
  Q_OBJECT

private slots:
  void boardDescriptorsAreTheHosts() {
    if (!QFile::exists(DLM_QEMU_SYSTEM_ARM)) QSKIP("SKIP: qemu-system-arm not found");
    QString error;
    const BoardRun board = runImage(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(board.done);
    for (const QString& cost : board.costs) qInfo().noquote() << cost;

    std::vector<std::int16_t> sound(16000);
    dlm::bench::soundSignal(sound.data(), 16000);
    std::vector<std::int16_t> vibration(2048 * 3);
    dlm::bench::vibrationSignal(vibration.data(), 2048);
    const dlm::FrontEndConfig soundFe = dlm::spectralFrontEnd(dlm::soundSpectral());
    const dlm::FrontEndConfig vibrationFe =
        dlm::spectralFrontEnd(dlm::vibrationSpectral(25600, 3));
    const std::map<QString, std::vector<float>> host = {
        {"sound", hostDescriptor(soundFe, sound.data(), 16000)},
        {"sound-half", hostDescriptor(soundFe, sound.data(), 8000)},
        {"vibration", hostDescriptor(vibrationFe, vibration.data(), 2048)}};
    for (const auto& [name, expected] : host) {
      QVERIFY(!expected.empty());
      const auto it = board.values.find(name);
      QVERIFY2(it != board.values.end(), qPrintable(name));
      const std::vector<float>& got = it->second;
      QCOMPARE(got.size(), expected.size());
      int identical = 0;
      double worst = 0.0;
      for (std::size_t i = 0; i < got.size(); ++i) {
        const double a = double(expected[i]);
        const double diff = std::fabs(double(got[i]) - a) / std::fmax(1.0, std::fabs(a));
        worst = std::fmax(worst, diff);
        identical += got[i] == expected[i] ? 1 : 0;
        QVERIFY2(diff <= 1e-5, qPrintable(QString("%1[%2]: board %3, host %4")
                                              .arg(name).arg(i).arg(double(got[i]), 0, 'g', 9)
                                              .arg(a, 0, 'g', 9)));
      }
      qInfo().noquote() << QString("%1: %2 of %3 values bit-identical, largest difference %4")
                               .arg(name).arg(identical).arg(got.size()).arg(worst, 0, 'g', 3);
    }
  }
};

QTEST_APPLESS_MAIN(TestM4fSpectral)
#include "test_m4f_spectral_qemu.moc"
