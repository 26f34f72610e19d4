"""A text box whose own node says nothing takes its name from the caption right above it."""

from perception.uiautomator import parse_uiautomator

FORM = """<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<hierarchy rotation="0">
 <node index="0" text="" class="android.widget.ScrollView" package="com.example.form"
  scrollable="true" bounds="[0,200][1080,2000]">
  <node index="0" text="Postcode" class="android.widget.TextView" package="com.example.form"
   bounds="[40,300][260,350]" />
  <node index="1" text="(required)" class="android.widget.TextView" package="com.example.form"
   bounds="[280,300][420,350]" />
  <node index="2" text="" class="android.widget.FrameLayout" package="com.example.form"
   bounds="[40,370][1040,520]">
   <node index="0" text="" resource-id="com.example.form:id/edit" class="android.widget.EditText"
    package="com.example.form" clickable="true" focusable="true" bounds="[40,370][1040,520]" />
  </node>
  <node index="3" text="Town" class="android.widget.TextView" package="com.example.form"
   bounds="[40,600][200,650]" />
  <node index="4" text="" class="android.widget.FrameLayout" package="com.example.form"
   bounds="[40,670][1040,820]">
   <node index="0" text="Bristol" resource-id="com.example.form:id/edit"
    class="android.widget.EditText" package="com.example.form" clickable="true"
    focusable="true" bounds="[40,670][1040,820]" />
  </node>
  <node index="5" text="Far below" class="android.widget.TextView" package="com.example.form"
   bounds="[40,1400][300,1450]" />
  <node index="6" text="" class="android.widget.FrameLayout" package="com.example.form"
   bounds="[40,1700][1040,1850]">
   <node index="0" text="" resource-id="com.example.form:id/edit" class="android.widget.EditText"
    package="com.example.form" clickable="true" focusable="true" bounds="[40,1700][1040,1850]" />
  </node>
 </node>
</hierarchy>"""


def _fields():
    screen = parse_uiautomator(FORM, 1080, 2400)
    return [e for e in screen.elements if e.editable]


def test_an_empty_box_is_named_by_the_caption_above_it():
    assert _fields()[0].description == "Postcode"


def test_a_box_holding_a_value_is_named_by_its_caption_not_by_the_value():
    town = _fields()[1]
    assert (town.description, town.text) == ("Town", "Bristol")


def test_a_text_far_above_names_nothing():
    assert _fields()[2].description == ""
