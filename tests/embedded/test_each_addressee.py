"""A message addressed to several people goes to each of them: one part per person, in the
order they are named, each with the whole message."""

import pytest

from planners.embedded.addressees import each_addressee
from planners.embedded.goal import split_goal

pytestmark = pytest.mark.slow


def test_two_people_named_together_each_get_the_message(encoder):
    assert split_goal("Message Ingrid and Tomasz: the keys are under the mat", encoder) == [
        "Message Ingrid: the keys are under the mat", "Message Tomasz: the keys are under the mat"]


def test_a_list_of_people_and_a_text_to_them(encoder):
    assert split_goal("Send a text to Rafa, Yuki and Odette saying bring a towel", encoder) == [
        "Send a text to Rafa saying bring a towel", "Send a text to Yuki saying bring a towel",
        "Send a text to Odette saying bring a towel"]


def test_and_inside_the_message_is_not_another_person():
    assert each_addressee("text Priya: Sam and Lou are coming") == [
        "text Priya: Sam and Lou are coming"]
    assert each_addressee("text Priya Raman that Sam and I are late") == [
        "text Priya Raman that Sam and I are late"]


def test_words_told_to_several_people_go_to_each():
    parts = split_goal("let Mira, Joss and Tove know the match moved to 6")
    assert parts == ["text Mira: the match moved to 6", "text Joss: the match moved to 6",
                     "text Tove: the match moved to 6"]


def test_people_named_last_after_the_message_each_get_it():
    assert each_addressee("forward 'gym is shut today' to Petra and Olu") == [
        "forward 'gym is shut today' to Petra", "forward 'gym is shut today' to Olu"]
    assert each_addressee("pass the new wifi name to both Greta and Ines.") == [
        "pass the new wifi name to Greta", "pass the new wifi name to Ines"]


def test_both_before_the_people_is_no_name():
    assert each_addressee("message both Greta and Ines: bins go out tonight") == [
        "message Greta: bins go out tonight", "message Ines: bins go out tonight"]


def test_people_inside_a_quoted_message_or_told_to_someone_are_not_addressed():
    assert each_addressee("send 'hand it to Greta and Ines' to Olu") == [
        "send 'hand it to Greta and Ines' to Olu"]
    assert each_addressee("text Olu 'hand it to Greta and Ines'") == [
        "text Olu 'hand it to Greta and Ines'"]
    assert each_addressee("ask Olu to wave to Greta and Ines") == [
        "ask Olu to wave to Greta and Ines"]
