"""Reading what a goal asks for: the consequential kinds (by verbs, idioms, other languages
and the sentence model) and the names it gives. Sentences of our own, in no task file."""

import pytest

from automator.goal_requests import GoalRequests, clauses, shorthand_of

NONE: frozenset[str] = frozenset()


@pytest.mark.unit
@pytest.mark.parametrize(
    ("goal", "kinds"),
    [
        ("phone my brother", {"call"}),
        ("give Ingrid a ring when you can", {"call"}),
        ("could you dial 555 0101", {"call"}),
        ("Ruf bitte Anna an", {"call"}),
        ("Llama a María", {"call"}),
        ("请给王芳打电话", {"call"}),
        ("let Omar know I'll be late", {"send"}),
        ("Could you message Rui that the parcel arrived?", {"send"}),
        ("ask Ines whether she's free on Sunday", {"send"}),
        ("Schick Tom eine Nachricht", {"send"}),
        ("throw away the old grocery list", {"deletion"}),
        ("Supprime la note Courses", {"deletion"}),
        ("I don't need the Porto note any more, toss it", {"deletion"}),
        ("purchase two lamps", {"payment"}),
        ("send $15 to Ana", {"payment", "send"}),
        ("correct the spelling of Lee's surname", {"overwrite"}),
        ("Sam's surname is Park now", {"overwrite"}),
        ("open Bob's card and call him", {"call"}),
        ("stuck in traffic 😩 let Omar know I'll be late", {"send"}),  # an emoji: a pause
        ("Would you mind letting Omar know the spare key is under the pot?", {"send"}),
        ("would you mind removing the old packing note", {"deletion"}),
        # asks for none of them
        ("is my wifi on?", NONE),
        ("what did Bob say about dinner?", NONE),
        ("Tell me Bob's email", NONE),
        ("make the screen brighter", NONE),
        ("Set a reminder at 9 and call it Standup", NONE),
        ("explore the apps", NONE),
        ("can you crank the ring volume to the max? I keep missing calls", NONE),
        ("Set the ringtone to Marimba", NONE),  # a setting of calls is no call
        ("my landline number changed to 555 0199", {"overwrite"}),
        # a message's words are its content, not a request
        ("Text Lina: I'll call you back", {"send"}),
        ("write to Carl 'please delete my old number'", {"send"}),
        # a clause of purpose or case tells why: its verbs ask for nothing
        ("set a special tone for Ravi so I can tell when he calls", NONE),
        ("ring Ravi so he knows dinner is ready", {"call"}),
        ("wipe the old shopping list in case someone sees it", {"deletion"}),
        ("text Ravi: call me so I know", {"send"}),
        # said the way people talk: read as the plain order the planner reads
        ("I moved flats, so the old building's gate code note can go", {"deletion"}),
        ("we finished the course, so text Ravi that it is over", {"send"}),
    ],
)
def test_the_kinds_a_goal_asks_for(goal, kinds):
    assert GoalRequests(goal).kinds == kinds


@pytest.mark.unit
@pytest.mark.parametrize(
    ("goal", "kinds"),
    [
        ("txt Oren on the bus now", {"send"}),
        ("msg Pia: running behind", {"send"}),
        ("dlt the draft list", {"deletion"}),
        ("snd Oren the photo", {"send"}),
    ],
)
def test_a_verb_written_without_its_vowels_is_that_verb(goal, kinds):
    """Texting shorthand drops the vowels ("txt", "msg"): the kind is the full verb's."""
    assert GoalRequests(goal).kinds == kinds


@pytest.mark.unit
def test_a_word_with_vowels_or_too_short_is_no_shorthand():
    verbs = ("text", "message", "buy", "delete")
    assert shorthand_of("txt", verbs) and shorthand_of("msg", verbs)
    assert not shorthand_of("by", verbs)  # two letters: too short to say which verb
    assert not shorthand_of("tax", verbs) and not shorthand_of("test", verbs)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("goal", "kind"),
    [("shoot Priya a quick text", "send"), ("get Kai on the line", "call")],
)
def test_the_sentence_model_reads_verbs_no_list_holds(goal, kind):
    assert GoalRequests(goal).kinds == {kind}


@pytest.mark.unit
def test_clauses_leave_out_politeness_quotes_and_values():
    # a value after a colon runs to the end of its sentence
    assert clauses("Could you please reply to Jo: see you at 5, bye. Then ring Sam") == [
        "reply to jo", "ring sam"]
    assert clauses("text Ada 'delete this' and tell me") == ["text ada", "tell me"]


@pytest.mark.unit
def test_names_are_capitalised_words_uncased_scripts_and_numbers():
    goal = GoalRequests("Can you call Mia's mobile, 555-0163, or mail mia.t@example.org?")
    assert goal.names == {"mia"}
    assert goal.numbers == {"5550163"}
    assert GoalRequests("please ring 王芳").names == {"王芳"}
    assert not GoalRequests("Call whoever texted me last").names_something()


@pytest.mark.unit
def test_every_person_of_a_list_is_a_name_not_only_the_first():
    """Only a sentence's first word is capitalised by grammar: past "and" or a comma the
    capital is the writer's, so each person a request lists is named."""
    goal = GoalRequests("Message Ines and Tariq: the train is late")
    assert goal.names == {"ines", "tariq"}
    assert goal.named_in(["Tariq Aziz", "Send SMS"])
    assert GoalRequests("ring Lou, Priti and Dev").names == {"lou", "priti", "dev"}
    assert GoalRequests("Open the list. Delete Milk").names == {"milk"}


@pytest.mark.unit
def test_a_name_is_found_in_the_texts_around_an_action():
    goal = GoalRequests("call Mia")
    assert goal.named_in(["Mia Torres", "Call"])
    assert not goal.named_in(["Bob Okoye", "Call", "Message"])
    assert GoalRequests("dial 555 0163").named_in(["+1 555-0163", "Mobile"])
    assert GoalRequests("dial 555 0163").named_in(["Call"], page=["Mia", "555-0163"])
    # a form's fields show the item it edits, but also the new value just typed
    update = GoalRequests("set Bob's number to 555-0199")
    assert not update.named_in(["Edit contact"], fields=["Mia", "555-0199"])
    assert update.named_in(["Edit contact"], fields=["Bob", "555-0199"])
    assert GoalRequests("my dentist has a new number, 555-0199").named_in(
        ["Edit contact"], fields=["Dr. Ito", "555-0199"])


@pytest.mark.unit
def test_a_message_s_words_name_nothing():
    goal = GoalRequests("Send 'Your parcel is here' to 555-0142 saying Ana Says Hi")
    assert goal.names == set() and goal.numbers == {"5550142"}
    assert GoalRequests("text Bob: Call Ana").names == {"bob"}
    assert GoalRequests("ring 王芳").named_in(["李王芳"])
    assert GoalRequests("请给王芳打电话").named_in(["王芳", "Call"])
