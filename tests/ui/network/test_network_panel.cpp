#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

#include "ui/network/network_canvas.h"
#include "ui/geometry/network_layout.h"
#include "ui/network/network_panel.h"
#include "ui/network/neuron_details.h"

using dlm::app::ClassInfo;
using dlm::app::NetworkSnapshot;
using dlm::app::NeuronInfo;
using dlm::ui::NetworkLayout;
using dlm::ui::NetworkPanel;

namespace {

NetworkSnapshot makeSnapshot(const QVector<int>& perLayer) {
  NetworkSnapshot s;
  s.dims = 4;
  s.classes = 3;
  s.depth = static_cast<int>(perLayer.size());
  s.neuronsPerLayer = perLayer;
  for (int layer = 0; layer < perLayer.size(); ++layer)
    for (int i = 0; i < perLayer[layer]; ++i) {
      NeuronInfo n;
      n.layer = layer;
      n.index = i;
      n.classIndex = (i * 5 + layer) % 3;
      n.support = static_cast<std::uint32_t>(1 + (i * 13) % 40);
      n.centre = {0.1f * static_cast<float>(i), -0.2f, 0.3f, 0.5f};
      n.radii = {0.5f, 0.7f, 0.2f, 0.9f};
      if (layer == 0) n.coveredEvents = {100 + i, 200 + i};
      s.neurons.append(n);
    }
  return s;
}

const QVector<ClassInfo> kClasses = {{QStringLiteral("shake"), Qt::blue},
                                     {QStringLiteral("circle"), Qt::darkYellow},
                                     {QStringLiteral("tap"), Qt::darkGreen}};

} // namespace

class TestNetworkPanel : public QObject {
  Q_OBJECT

  QTranslator m_english;  // the plural forms of "%n event(s)", as the studio shows them

private slots:
  void initTestCase() {
    QVERIFY(m_english.load(QStringLiteral(DLM_STUDIO_QM_DIR "/deeplomath_en.qm")));
    QCoreApplication::installTranslator(&m_english);
  }

  void layoutWrapsAndSorts() {
    NetworkLayout layout;
    const NetworkSnapshot s = makeSnapshot({300, 20});
    layout.compute(s, QSizeF(400.0, 500.0), {120.0, 120.0});
    QCOMPARE(layout.columns().size(), 2);
    QCOMPARE(layout.placed().size(), 320);
    QVERIFY(layout.columns()[0].subColumns > 1);  // 300 neurons cannot fit in one column
    QVERIFY(layout.size().height() <= 500.0 + 1e-6);
    // Every placed neuron is found again at its own centre.
    for (int i = 0; i < layout.placed().size(); ++i)
      QCOMPARE(layout.hitTest(layout.placed()[i].centre), i);
    // Sorted by class within a layer.
    int lastClass = -1;
    for (const NetworkLayout::Placed& p : layout.placed()) {
      const NeuronInfo& n = s.neurons[p.neuron];
      if (n.layer != 0) break;
      QVERIFY(n.classIndex >= lastClass);
      lastClass = n.classIndex;
    }
    QCOMPARE(layout.hitTest(QPointF(-50, -50)), -1);
  }

  void clickSelectsTheRightNeuron() {
    NetworkPanel panel;
    panel.resize(1000, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setSnapshot(makeSnapshot({60, 12, 5}), kClasses);
    panel.refreshNow();
    QSignalSpy selected(&panel, &NetworkPanel::neuronSelected);
    for (const auto& [layer, index] : {std::pair{0, 17}, std::pair{1, 3}, std::pair{2, 4}}) {
      const QPoint at = panel.neuronPosition(layer, index);
      QVERIFY(at.x() >= 0);
      panel.findChild<QScrollArea*>()->ensureVisible(at.x(), at.y());
      QTest::mouseClick(panel.canvas(), Qt::LeftButton, {}, at);
      QCOMPARE(selected.count(), 1);
      QCOMPARE(selected.at(0).at(0).toInt(), layer);
      QCOMPARE(selected.at(0).at(1).toInt(), index);
      QCOMPARE(panel.selectedLayer(), layer);
      QCOMPARE(panel.selectedIndex(), index);
      selected.clear();
    }
    // Empty space selects nothing.
    QTest::mouseClick(panel.canvas(), Qt::LeftButton, {}, QPoint(2, 2));
    QCOMPARE(selected.count(), 0);
  }

  void detailsAndCoveredEvents() {
    NetworkPanel panel;
    panel.resize(1000, 600);
    panel.setSnapshot(makeSnapshot({10, 4}), kClasses);
    panel.selectNeuron(0, 7);
    QCOMPARE(panel.selectedLayer(), 0);
    QCOMPARE(panel.selectedIndex(), 7);
    QCOMPARE(panel.details()->coveredCount(), 2);
    // Two different counts side by side, named so that they do not contradict each other:
    // neuron 7 learned from 1 + 91 % 40 = 12 events; 2 events lie inside its ball now.
    QStringList texts;
    for (QLabel* l : panel.details()->findChildren<QLabel*>()) texts << l->text();
    QVERIFY2(texts.contains(QStringLiteral("Learned from:")), qPrintable(texts.join(" | ")));
    QVERIFY2(texts.contains(QStringLiteral("12 events")), qPrintable(texts.join(" | ")));
    QVERIFY2(texts.contains(QStringLiteral("2 events inside its ball now")),
             qPrintable(texts.join(" | ")));
    QVERIFY(texts.filter(QStringLiteral("Support")).isEmpty());
    QSignalSpy activated(&panel, &NetworkPanel::eventActivated);
    auto* list = panel.details()->findChild<QListWidget*>();
    QVERIFY(list != nullptr);
    emit list->itemActivated(list->item(1));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toInt(), 207);
    // The selection survives a new snapshot of the same network.
    panel.setSnapshot(makeSnapshot({11, 4}), kClasses);
    panel.refreshNow();
    QCOMPARE(panel.selectedIndex(), 7);
    panel.clearSelection();
    QCOMPARE(panel.selectedLayer(), -1);
  }
};

QTEST_MAIN(TestNetworkPanel)
#include "test_network_panel.moc"
