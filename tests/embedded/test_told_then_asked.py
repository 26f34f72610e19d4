"""What a request tells before it asks, and what it asks in words people use: the order after
a sigh, "let X know" with nothing after it, a need to be up at a time, a wish of a thing on a
list, a note jotted with its name after it, a person said to be someone, a thing asked to be
done so. Sentences of our own, in no task file."""

from __future__ import annotations

import pytest

from devices.actions import ElementRef, Finish, Tap
from planners.embedded import EmbeddedPlanner, lookup, objects
from planners.embedded.asking import opens_order, request_clause
from planners.embedded.goal import Intent, Scope, parse_goal, split_goal
from planners.embedded.memo import Memo
from planners.embedded.negation import negated_names, without_negated
from planners.embedded.new_values import new_value
from planners.embedded.persons import about_details, about_words
from planners.embedded.purchase import item_name
from planners.embedded.purpose import main_clause
from planners.embedded.reading import _keys_another
from planners.embedded.restated import where_written
from planners.embedded.row_kinds import kind
from planners.embedded.wording import wished_away, without_pictographs
from planners.planner import PastStep
from tests.embedded.screens import el, screen


def _slots(goal) -> dict[str, str]:
    return {s.name: s.value for s in goal.slots}


def _one(text: str):
    parts = split_goal(text)
    assert len(parts) == 1, parts
    return parse_goal(parts[0])


def test_an_order_typed_in_lower_case_after_a_sigh_asks():
    goal = _one("ugh, traffic everywhere. ping Sara im running 10 mins behind")
    assert goal.intent is Intent.SEND
    assert _slots(goal)["to"] == "Sara" and "10 mins" in _slots(goal)["message"]


def test_a_lower_case_word_then_a_name_opens_an_order_a_name_then_a_verb_does_not():
    assert opens_order("ping Sara im late")
    assert not opens_order("Sara Lind texted me")
    assert opens_order("send 'see you at 8' to Sara")


def test_a_contracted_subject_opens_no_order():
    assert not opens_order("Battery's down to 9% already")


@pytest.mark.parametrize("text, said", [
    ("The cake is in the oven and won't be ready till eight. Could you let Omar know?", "cake"),
    ("Forgot my keys at the gym after all. Would you let Omar know?", "keys"),
])
def test_let_a_person_know_with_nothing_after_sends_what_was_told(text, said):
    goal = _one(text)
    assert goal.intent is Intent.SEND and _slots(goal)["to"] == "Omar"
    assert said in _slots(goal)["message"]
    assert goal.scope is Scope.ONE  # "after all" says no quantity


def test_a_clause_about_the_person_told_is_not_the_message():
    goal = _one("Omar texted me about the party. Let him know")
    assert _slots(goal).get("message", "") != "Omar texted me about the party"


@pytest.mark.parametrize("text, time", [
    ("Big exam in the morning, we need to be up by 6:15", "6:15"),
    ("I've a flight tomorrow and have to get up at 4:50 am.", "4:50"),
])
def test_the_speakers_need_to_be_up_at_a_time_is_an_alarm(text, time):
    goal = _one(text)
    assert goal.intent is Intent.CREATE and goal.target == "alarm"
    assert _slots(goal)["time"].startswith(time)


def test_someone_elses_need_to_be_up_sets_nothing():
    assert _one("Tom needs to be up at 7").intent is not Intent.CREATE


def test_a_wish_of_a_thing_on_a_list_puts_it_there():
    goal = _one("I'd love oat milk on my groceries list")
    assert goal.intent is Intent.EDIT
    assert _slots(goal) == {"text": "oat milk"} and goal.entities == ("groceries list",)


def test_an_additive_word_after_the_place_is_no_part_of_its_name():
    assert _one("Add string to my garden list as well").entities == ("garden list",)


def test_a_note_jotted_after_a_preface_and_named_after_it():
    goal = _one("scribble this down somewhere safe: gate code 4471. call the note Gate")
    assert goal.intent is Intent.CREATE
    assert _slots(goal) == {"note": "gate code 4471", "name": "Gate"}


def test_a_person_said_to_be_someone_with_their_number_is_a_card():
    goal = _one("The electrician yesterday was Petra Novak, her number's 555-0142. "
                "Please add her to my contacts")
    assert goal.intent is Intent.CREATE
    assert _slots(goal) == {"name": "Petra Novak", "phone": "555-0142"}


def test_a_thing_asked_to_be_done_so_with_a_value_is_the_order():
    goal = _one("Could the 7:15 alarm be renamed 'Swim'?")
    assert goal.intent is Intent.EDIT and _slots(goal)["label"] == "Swim"
    assert _one("Can the 7:15 alarm be deleted?").intent is Intent.ANSWER  # no value: asked


def test_a_quotation_ends_the_kind_a_superlative_names():
    assert kind(parse_goal("Label my newest memo 'Plans'")) == "memo"


def test_what_the_speaker_is_doing_says_no_place():
    goal = _one("I'm booking a table for tonight. What's Lena Ortiz's email?")
    assert goal.target == "Lena Ortiz email"
    assert not about_words(goal) and about_details(goal)  # the context's verbs ask nothing


def test_the_phone_a_call_is_on_and_its_moment_are_no_place():
    assert objects.told("On the phone with the bank right now") == "bank"


def test_a_place_then_a_question_is_no_thing_put_there():
    goal = _one("On the phone with the bank right now, what's my account number?")
    assert goal.intent is Intent.ANSWER and "account number" in goal.target
    assert goal.text.startswith("On the phone")  # not "put ... on the phone"


def test_a_key_of_another_thing_of_the_kind_asked_does_not_answer():
    assert _keys_another(parse_goal("what is my library card number?"), "Phone number")
    assert not _keys_another(parse_goal("what's my number?"), "Phone number")
    assert not _keys_another(parse_goal("what is my phone number?"), "Phone number")


def test_a_new_value_said_after_so_with_what_it_is_for():
    said = "Tariq switched banks, so the number to call him on now is 555-0163. Update it in " \
           "his contact card"
    assert new_value(said) == "change Tariq's phone number to 555-0163"
    assert main_clause("Ines moved, so her address is now 4 Rue Verte") == (
        "Ines moved, so her address is now 4 Rue Verte")


def test_of_a_statement_with_a_value_and_a_wish_the_wish_asks():
    asked, told = request_clause("The tank is at 20% and I'm far from home. I want eco mode on")
    assert asked == "I want eco mode on" and len(told) == 1


def test_a_wish_of_each_things_state_is_one_order_each():
    assert split_goal("Power's low. I want the battery saver on and the screen dimmer") == [
        "Power's low. I want the battery saver on", "I want the screen dimmer"]


def test_a_value_found_then_sent_after_a_told_sentence():
    goal = _one("Lena wants to know my phone's name. Look up the device name in settings and "
                "send it to them")
    assert goal.intent is Intent.SEND and _slots(goal)["to"] == "Lena"
    assert next(s for s in goal.slots if s.name == "message").ref
    assert goal.target == "Lena"  # a clause about the person told says no place


def test_a_thing_not_needed_any_more_then_an_order_on_it():
    assert wished_away("I won't be wanting the 5:50 alarm any more.") == "the 5:50 alarm"
    assert without_negated("I won't be needing the 5:50 alarm any more. Delete it.") == (
        "I won't be needing the 5:50 alarm any more. Delete it.")
    goal = _one("I won't be wanting the 5:50 alarm any more. Delete it")
    assert goal.intent is Intent.DELETE and "5:50" in goal.entities


def test_a_name_the_phone_shows_is_no_prohibition():
    names = negated_names(["Do not disturb", "Wi-Fi"])
    assert without_negated("we're off to the cinema. Do not disturb on please", names) == (
        "we're off to the cinema. Do not disturb on please")
    assert without_negated("Do not delete anything", names) == ""


def _about_page():
    """A settings page of the phone's details: each key on a line, its value on the next."""
    return screen(el(0, "button", "", 100, clickable=True, description="Navigate up"),
                  el(1, "text", "About tablet", 180),
                  el(2, "text", "Model", 300), el(3, "text", "Lumo Tab 8", 350),
                  el(4, "text", "Phone number", 450), el(5, "text", "+1 555-0111", 500),
                  el(6, "text", "Build number", 600), el(7, "text", "LT8.2291.004", 650),
                  app="com.example.settings")


@pytest.mark.slow
def test_a_value_to_send_is_read_by_its_key_on_a_line_of_its_own(encoder):
    planner = EmbeddedPlanner(encoder=encoder)
    asked = "What is the model in settings?"
    planner._lookups.add(asked)  # read to be sent elsewhere: the strictest reading
    assert planner.decide(asked, _about_page(), []).action == Finish(answer="Lumo Tab 8")


@pytest.mark.slow
def test_a_number_of_another_kind_is_no_answer(encoder):
    decision = EmbeddedPlanner(encoder=encoder).decide("what's my policy number?",
                                                       _about_page(), [])
    assert decision.action != Finish(answer="+1 555-0111")


@pytest.mark.parametrize("text, plain", [
    ("stuck in traffic 😩 ping Sara im late", "stuck in traffic, ping Sara im late"),
    ("🎉 text Sara congrats 🎉🎉", "text Sara congrats"),
    ("ok 👍🏽 call Bo", "ok, call Bo"),
    ("Turn on wifi", "Turn on wifi"),
])
def test_an_emoji_between_words_is_a_pause_and_elsewhere_nothing(text, plain):
    assert without_pictographs(text) == plain



def test_whatevers_the_order_of_a_thing_then_a_count_of_it_to_put_in_the_cart():
    goal = _one("Whatever's the priciest thing they sell, I'll take three of it. Pop them in "
                "my basket")
    assert goal.intent is Intent.CREATE and goal.quantity == 3
    assert goal.rank is not None and goal.rank.highest


def test_a_thing_made_for_an_item_is_not_the_item():
    assert item_name(parse_goal("buy a strap for the Trail Watch")) == "strap"
    assert item_name(parse_goal("I can wait on the Trail Watch. Set a restock alert for "
                                "it in the store")) == "restock alert"
    assert item_name(parse_goal("order the Trail Watch for my dad")) == "Trail Watch"


def test_a_thing_the_speaker_is_thinking_about_is_what_it_means():
    goal = _one("thinking about buying the Trail Watch, what do they charge for it")
    assert "Trail Watch" in goal.entities and goal.value_type == "price"


def test_what_the_speaker_just_needs_is_the_answer_not_a_place():
    goal = _one("Among my timers, which one's the longest? Just need the length.")
    assert "need" not in goal.target and "length" not in goal.target


def test_a_time_clause_before_the_request_sets_the_scene():
    assert main_clause("Before I head out, text Bo that the door is locked") == (
        "text Bo that the door is locked")


def test_the_last_participle_says_what_is_done():
    goal = _one("have the note called Gym deleted")
    assert goal.intent is Intent.DELETE and "Gym" in goal.entities


@pytest.mark.parametrize("text, plain", [
    ("When is the plumber due? I wrote it down somewhere", "When is the plumber due? it's in "
     "my notes"),
    ("I jotted my locker code down, what is it?", "my locker code is in my notes, what is it?"),
    ("I wrote the address down in my diary", "I wrote the address down in my diary"),
    ("I wrote to Bo yesterday", "I wrote to Bo yesterday"),
])
def test_what_the_speaker_wrote_down_and_nowhere_said_is_in_their_notes(text, plain):
    assert where_written(text) == plain


@pytest.mark.parametrize("text", [
    "Ana texted me the pickup time, set an alarm for it",
    "Ana texted me the new pickup time. Please put an alarm in for then",
    "set an alarm for the pickup time Ana texted me",
])
def test_a_value_someone_sent_is_read_where_it_was_sent(text):
    goal = _one(text)
    slot = next(s for s in goal.slots if s.name == "time")
    assert slot.ref and slot.value.endswith("Ana texted me") and "pickup time" in slot.value
    assert lookup.questions(text, goal)[0].startswith("What is the ")


def test_the_kind_of_a_value_sent_is_its_noun_before_who_sent_it():
    assert parse_goal("What is the pickup time Ana texted me in my messages?").value_type == (
        "time")


def test_a_value_sent_and_read_stands_where_it_was_said():
    text = "Ana texted me the pickup time, set an alarm for it"
    goal = parse_goal(text)
    asked = lookup.questions(text, goal)[0]
    read = PastStep(Tap(ElementRef(1)), memo=Memo(read=((asked, "4:35 pm"),)))
    done = lookup.resolve(text, goal, [read])
    assert done.asking is None and done.text == 'Ana texted me "4:35 pm", set an alarm for it'
    time = next(s for s in parse_goal(done.text).slots if s.name == "time")
    assert time.value == "4:35 pm" and not time.ref


@pytest.mark.parametrize("text, to, said", [
    ("Can you let 555-0142 know by text that their bike is fixed?", "555-0142",
     "their bike is fixed"),
    ("text 555-0199 that I found their dog and they can come by at six", "555-0199",
     "I found their dog"),
])
def test_a_person_told_by_their_number(text, to, said):
    goal = _one(text)
    assert goal.intent is Intent.SEND and _slots(goal)["to"] == to
    assert _slots(goal)["message"].startswith(said)


@pytest.mark.parametrize("text, words", [
    ("According to Zara, when does the ferry go?", True),
    ("Zara mentioned the picnic moved. When is it now?", True),
    ("Battery is low. what time is it?", False),
])
def test_a_question_of_what_a_person_told_is_about_their_words(text, words):
    assert about_words(parse_goal(text)) is words
