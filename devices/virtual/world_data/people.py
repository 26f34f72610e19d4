"""The people in a seed's address book: names from many cultures and scripts, phones, emails.

Names are drawn from lists of name parts per culture. A part written in a non-Latin script
carries its romanisation after a `|` (`Дмитрий|dmitry`), used for the email address; a
family name with a feminine form lists both (`Попов/Попова|popov/popova`). Chinese, Japanese
and Korean names are one field, family name first, as phones usually hold them.
First names are unique within a seed, so a task can name a person by first name alone.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Culture:
    key: str
    firsts: tuple[str, ...]  # given names; "native|roman" where the script is not Latin
    lasts: tuple[str, ...]  # family names; empty: one-field names (`whole`)
    whole: tuple[str, ...] = ()  # one-field names (family name first, no space)
    domain: str = "example.com"  # email domain
    prefix: str = ""  # calling code of an international number ("+49"); "" local
    # given names that take a family name's feminine form ("Смирнов/Смирнова": the second)
    feminine: tuple[str, ...] = ()


def _parts(text: str) -> tuple[str, ...]:
    return tuple(text.split(","))


CULTURES: tuple[Culture, ...] = (
    Culture("german", _parts("Lukas,Jürgen,Anneliese,Katrin,Matthias,Sabine,Jörg,Uwe"),
            _parts("Fischer,Weber,Schäfer,Köhler,Hoffmann,Wagner,Becker"), (),
            "example.de", "+49"),
    Culture("french", _parts("Élodie,Théo,Margaux,Jérôme,Camille,Benoît,Inès,Loïc"),
            _parts("Lefèvre,Moreau,Girard,Dubois,Laurent,Fournier,Rousseau"), (), "example.fr"),
    Culture("spanish", _parts("Alejandro,Lucía,Begoña,Íñigo,Nuria,Joaquín,Ainhoa"),
            _parts("Fernández,Muñoz,Ibáñez,Castaño,Ortega,Núñez"), (), "example.es", "+34"),
    Culture("latin_american", _parts("Valentina,Mateo,Ximena,Santiago,Camila,Thiago,Renata"),
            _parts("Hernández,Rojas,Gutiérrez,Vargas,Quispe,Sánchez,Morales"), (),
            "example.mx"),
    Culture("nordic", _parts("Åsa,Bjørn,Sigrún,Mikkel,Ingrid,Søren,Eero,Ástríður"),
            _parts("Lindqvist,Østergaard,Sigurðsson,Virtanen,Halvorsen,Ekström"), (),
            "example.se", "+46"),
    Culture("polish", _parts("Zofia,Łukasz,Małgorzata,Wojciech,Agnieszka,Paweł"),
            _parts("Wiśniewski/Wiśniewska,Kowalczyk,Wójcik,Zieliński/Zielińska,"
                   "Dąbrowski/Dąbrowska"), (), "example.pl",
            feminine=_parts("Zofia,Małgorzata,Agnieszka")),
    Culture("english", _parts("Harriet,Oliver,Megan,Callum,Bethany,Rhys,Siobhan,Declan"),
            _parts("Whitfield,Okafor-Hughes,Pemberton,MacLeod,Gallagher,Thornton"), (),
            "example.co.uk", "+44"),
    Culture("american", _parts("Tyler,Brianna,Marcus,Jasmine,Kayla,Derek,Shawna"),
            _parts("Johnson,Reyes,Washington,Miller,Coleman,Brooks"), ()),
    Culture("west_african", _parts("Chiamaka,Kwame,Adaeze,Oluwaseun,Abena,Kofi,Ngozi,Yaw"),
            _parts("Okonkwo,Mensah,Adeyemi,Boateng,Nwosu,Diallo,Asante"), (), "example.ng",
            "+234"),
    Culture("east_african", _parts("Wanjiru,Tesfaye,Amani,Zawadi,Makena,Abebe"),
            _parts("Kamau,Odhiambo,Mwangi,Bekele,Njoroge"), (), "example.ke"),
    Culture("indian", _parts("Aarav,Ananya,Vikram,Lakshmi,Rohan,Divya,Siddharth,Meera"),
            _parts("Iyer,Reddy,Banerjee,Nair,Gupta,Chatterjee,Menon,Kulkarni"), (),
            "example.in", "+91"),
    Culture("devanagari", _parts("अर्जुन|arjun,प्रिया|priya,राहुल|rahul,सुनीता|sunita,"
                                 "अमित|amit,कविता|kavita"),
            _parts("शर्मा|sharma,वर्मा|verma,जोशी|joshi,मिश्रा|mishra,पांडे|pandey"), (),
            "example.in", "+91"),
    Culture("vietnamese", _parts("Minh,Thảo,Quang,Ngọc,Tuấn,Hương,Đức,Phương"),
            _parts("Nguyễn,Trần,Lê,Phạm,Hoàng,Võ,Đặng"), (), "example.vn", "+84"),
    Culture("arabic", _parts("فاطمة|fatima,يوسف|youssef,ليلى|layla,عمر|omar,مريم|maryam,"
                             "خالد|khaled,نور|nour"),
            _parts("الحسيني|alhusseini,منصور|mansour,حداد|haddad,العلي|alali,خوري|khoury"),
            (), "example.ae", "+971"),
    Culture("arabic_latin", _parts("Karim,Samira,Tariq,Yasmin,Rania,Bilal"),
            _parts("El-Amin,Benali,Haddad,Saleh,Farouk"), (), "example.ma"),
    Culture("hebrew", _parts("נועה|noa,איתי|itai,תמר|tamar,אורי|uri,שירה|shira,יונתן|yonatan"),
            _parts("כהן|cohen,לוי|levi,מזרחי|mizrahi,פרץ|peretz,אברהם|avraham"), (),
            "example.co.il", "+972"),
    Culture("russian", _parts("Дмитрий|dmitry,Анастасия|anastasia,Сергей|sergey,"
                              "Екатерина|ekaterina,Алексей|alexey,Ольга|olga"),
            _parts("Смирнов/Смирнова|smirnov/smirnova,Кузнецов/Кузнецова|kuznetsov/kuznetsova,"
                   "Попов/Попова|popov/popova,Соколов/Соколова|sokolov/sokolova"), (),
            "example.ru", "+7", feminine=_parts("Анастасия,Екатерина,Ольга")),
    Culture("ukrainian_latin", _parts("Oksana,Taras,Iryna,Bohdan,Yuliia"),
            _parts("Shevchenko,Kovalenko,Bondarenko,Tkachenko"), (), "example.ua"),
    Culture("greek", _parts("Γιώργος|giorgos,Ελένη|eleni,Νίκος|nikos,Δήμητρα|dimitra,"
                            "Κώστας|kostas,Σοφία|sofia"),
            _parts("Παπαδόπουλος/Παπαδοπούλου|papadopoulos/papadopoulou,Οικονόμου|oikonomou,"
                   "Γεωργίου|georgiou,Νικολάου|nikolaou"), (), "example.gr", "+30",
            feminine=_parts("Ελένη,Δήμητρα,Σοφία")),
    Culture("chinese", (), (), _parts("王芳|wang.fang,张伟|zhang.wei,刘洋|liu.yang,"
                                      "陈静|chen.jing,杨磊|yang.lei,赵敏|zhao.min,黄丽|huang.li"),
            "example.cn", "+86"),
    Culture("japanese", (), (), _parts("佐藤花子|sato.hanako,鈴木一郎|suzuki.ichiro,"
                                       "高橋美咲|takahashi.misaki,山本健太|yamamoto.kenta,"
                                       "中村さくら|nakamura.sakura"), "example.jp", "+81"),
    Culture("korean", (), (), _parts("김민준|kim.minjun,이서연|lee.seoyeon,박지호|park.jiho,"
                                     "최수아|choi.sua,정우진|jung.woojin"), "example.kr", "+82"),
    Culture("japanese_latin", _parts("Haruto,Yui,Ren,Aoi,Sota"),
            _parts("Watanabe,Ito,Kobayashi,Kato"), (), "example.jp"),
    Culture("korean_latin", _parts("Ji-woo,Seo-yeon,Min-ho,Ha-eun"),
            _parts("Kim,Park,Choi,Jeong,Yoon"), ()),
    Culture("chinese_latin", _parts("Wei,Xiaoling,Jun,Meilin,Hao"),
            _parts("Zhang,Liu,Huang,Zhou,Wu"), ()),
    Culture("turkish", _parts("Ayşe,Emre,Şule,Çağrı,Gökhan,Elif"),
            _parts("Yılmaz,Öztürk,Şahin,Çelik,Aydın"), (), "example.com.tr", "+90"),
    Culture("italian", _parts("Giulia,Matteo,Francesca,Niccolò,Chiara,Lorenzo"),
            _parts("Esposito,Ricci,Colombo,De Luca,Marino"), (), "example.it"),
    Culture("brazilian", _parts("João,Luíza,Gabriel,Beatriz,Caio,Letícia"),
            _parts("da Silva,Gonçalves,Araújo,Conceição,Magalhães"), (), "example.com.br",
            "+55"),
    Culture("filipino", _parts("Maricel,Jericho,Rowena,Jomar,Liezel"),
            _parts("Dela Cruz,Bautista,Villanueva,Macaraeg"), (), "example.ph"),
)

LOCAL = Culture("local", (), ())  # the phone's own country: 555 numbers

FAMILY = (("Mom", ""), ("Dad", ""), ("Grandma", ""), ("Grandpa", ""), ("Mum", ""),
          ("Auntie Rose", ""), ("Uncle Sam", ""), ("Nana", ""), ("Papa", ""), ("Mamá", ""),
          ("Oma", ""), ("Opa", ""), ("Baba", ""))


# Latin letters that Unicode does not decompose into a base letter and a mark
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                               "Đ": "D", "ð": "d", "æ": "ae", "ß": "ss"})


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    phone: str
    email: str  # "" when the address book holds none


def split(part: str) -> tuple[str, str]:
    """A name part and its romanisation (`Дмитрий|dmitry`; a Latin part romanises itself)."""
    text, _, roman = part.partition("|")
    return text, (roman or ascii_fold(text)).casefold().replace(" ", "").replace("'", "")


def ascii_fold(text: str) -> str:
    """`text` without its accents (Đặng: Dang); letters of other scripts are dropped."""
    plain = text.translate(_UNDECOMPOSED)
    return unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()


def _name(rng: random.Random, culture: Culture) -> tuple[str, str, str]:
    """(first, last, email local part) of one person of `culture`."""
    if culture.whole:
        whole, roman = split(rng.choice(culture.whole))
        return whole, "", roman
    first, rf = split(rng.choice(culture.firsts))
    form = 1 if first in culture.feminine else 0
    last, rl = (_form(part, form) for part in split(rng.choice(culture.lasts)))
    local = rng.choice((f"{rf}.{rl}", f"{rf}{rl}", f"{rf[:1]}{rl}", f"{rf}_{rl}"))
    return first, last, local


def _form(forms: str, index: int) -> str:
    """One form of a family name written "masculine/feminine" (or the only one)."""
    options = forms.split("/")
    return options[min(index, len(options) - 1)]


def _phone(rng: random.Random, culture: Culture, used: set[str]) -> str:
    while True:
        if culture.prefix and rng.random() < 0.5:
            digits = "".join(str(rng.randrange(10)) for _ in range(9))
            phone = f"{culture.prefix} {digits[:3]} {digits[3:6]} {digits[6:]}"
        else:
            phone = f"555-{rng.randrange(100, 10000):04d}"
        if phone not in used:
            used.add(phone)
            return phone


def draw_people(rng: random.Random) -> tuple[Person, ...]:
    """15-30 people of many cultures; first names and full names are unique."""
    count = rng.randint(15, 30)
    family = rng.sample(FAMILY, rng.choice((0, 0, 1, 2, 3)))
    people: list[Person] = []
    firsts: set[str] = set()
    phones: set[str] = set()
    for role, _ in family:
        firsts.add(role.casefold())
        people.append(Person(role, "", _phone(rng, LOCAL, phones), ""))
    while len(people) < count:
        culture = rng.choice(CULTURES)
        first, last, local = _name(rng, culture)
        if first.casefold() in firsts:
            continue
        firsts.add(first.casefold())
        email = "" if rng.random() < 0.2 else f"{local}@{culture.domain}"
        people.append(Person(first, last, _phone(rng, culture, phones), email))
    return tuple(people)
