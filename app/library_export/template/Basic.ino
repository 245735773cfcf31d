// ExportName: classify one descriptor and print the class (or unknown) on the serial port.
#include <ExportName.h>

// A descriptor of the model's length: here the first neuron's centre, which the model knows.
// Replace it with one your sketch computes (or call ExportName::predictSamples on an event).
static const float kDescriptor[ExportName::kDims] = {
@SAMPLE@
};

void setup() {
  Serial.begin(115200);
}

void loop() {
  const ExportName::Prediction p = ExportName::predict(kDescriptor);
  Serial.print("prediction: ");
  Serial.print(ExportName::className(p.classIndex));
  Serial.print("  known score: ");
  Serial.println(p.knownScore, 4);
  delay(1000);
}
