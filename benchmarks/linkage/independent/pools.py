"""Small hand-written pools of names and places (general knowledge; every person is fictional).

Each name carries its Persian spelling and a phonemic key in this benchmark's own notation,
from which ``romanise`` derives every Latin spelling, so one person's spellings across
systems differ only as the systems differ. Notation (one character per sound):

``a e o`` short vowels, ``A i u`` long ā ī ū; consonants as in English plus ``C`` چ ch,
``$`` ش sh, ``x`` خ kh, ``J`` ژ zh, ``G`` غ gh, ``q`` ق, ``H`` ح, ``S`` ص, ``T`` ط, ``Z`` ذ,
``D`` ض, ``9`` ظ, ``3`` ث, ``'`` ع, ``^`` ء; ``ay``/``aw`` before a consonant or the end are
the diphthongs ey/ow. A space separates the parts of a compound (غلامرضا ``GolAm reDA``).

``alts`` are conventional English spellings that no rule produces (Mohammed, Saeed); ``coll``
is a colloquial or short form (Persian, phonemic) used by families.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Name:
    """A given or family name: Persian spelling, phonemic key, conventional alternatives, and
    (given names) a colloquial form or (family names) the part a list keeps when it shortens
    the compound («سپاه‌منصور» → منصور)."""

    fa: str
    phon: str
    alts: tuple[str, ...] = ()
    coll: tuple[str, str] | None = None
    short: tuple[str, str] | None = None
    weight: float = 1.0


def _n(
    fa: str,
    phon: str,
    alts: str = "",
    coll: tuple[str, str] | None = None,
    weight: float = 1.0,
) -> Name:
    return Name(fa, phon, tuple(a for a in alts.split(",") if a), coll, None, weight)


def _f(
    fa: str,
    phon: str,
    alts: str = "",
    short: tuple[str, str] | None = None,
    weight: float = 1.0,
) -> Name:
    return Name(fa, phon, tuple(a for a in alts.split(",") if a), None, short, weight)


MALE: tuple[Name, ...] = (
    _n("محمد", "moHammad", "Mohammed,Muhammad,Mohamad", ("ممد", "mamad"), 6.0),
    _n("علی", "'ali", "", None, 5.0),
    _n("حسین", "Hosayn", "Hossein,Hussein,Hosein", None, 4.0),
    _n("حسن", "Hasan", "Hassan", None, 3.0),
    _n("رضا", "reDA", "", None, 3.0),
    _n("مهدی", "mahdi", "Mehdi", None, 2.5),
    _n("جواد", "javAd", "", None, 1.5),
    _n("مجید", "majid", "", None, 1.5),
    _n("سعید", "sa'id", "Saeed,Saeid", None, 1.5),
    _n("حمید", "Hamid", "", None, 1.5),
    _n("وحید", "vaHid", "", None),
    _n("فرید", "farid", "", None),
    _n("بهرام", "bahrAm", "", None),
    _n("بهمن", "bahman", "", None),
    _n("محسن", "moHsen", "Mohsin", None, 1.5),
    _n("محمود", "maHmud", "Mahmood", None, 2.0),
    _n("مسعود", "mas'ud", "Massoud,Masood", None, 1.5),
    _n("داوود", "dAvud", "Davood,Dawood", None),
    _n("یوسف", "yusof", "Yousef,Yusuf", None),
    _n("ابراهیم", "ebrAhim", "Ibrahim", ("ابرام", "ebrAm")),
    _n("اسماعیل", "esmA'il", "Ismail,Esmaeil", ("اسمال", "esmAl")),
    _n("کاظم", "kA9em", "Kazim", None),
    _n("قاسم", "qAsem", "Ghassem,Qasim", None),
    _n("جعفر", "ja'far", "", None),
    _n("عباس", "'abbAs", "", None, 1.5),
    _n("اکبر", "akbar", "", None),
    _n("اصغر", "aSGar", "", None),
    _n("منصور", "manSur", "Mansour", None),
    _n("ناصر", "nASer", "Nasser", None),
    _n("نادر", "nAder", "", None),
    _n("شاهرخ", "$Ahrox", "", None),
    _n("شهرام", "$ahrAm", "", None),
    _n("فرهاد", "farhAd", "", None),
    _n("کیومرث", "kiyumar3", "Kiumars,Kioumars", None),
    _n("هوشنگ", "hu$ang", "Houshang", None),
    _n("جمشید", "jam$id", "", None),
    _n("پرویز", "parviz", "", None),
    _n("بیژن", "biJan", "", None),
    _n("منوچهر", "manuCehr", "Manouchehr", None),
    _n("رحیم", "raHim", "", None),
    _n("کریم", "karim", "", None),
    _n("مصطفی", "moSTafA", "Mostafa,Mustafa", None),
    _n("مرتضی", "morteDA", "Morteza,Murtaza", None),
    _n("مجتبی", "mojtabA", "", None),
    _n("صادق", "SAdeq", "Sadegh", None),
    _n("جلال", "jalAl", "", None),
    _n("کمال", "kamAl", "", None),
    _n("امیر", "amir", "", None),
    _n("ابوالفضل", "abolfaDl", "Abolfazl", ("ابول", "abol")),
    _n("روح‌الله", "ruHollAh", "Rouhollah,Ruhollah", None),
    _n("نعمت‌الله", "ne'matollAh", "Nematollah", None),
    _n("حبیب‌الله", "HabibollAh", "Habibollah", None),
    _n("اسدالله", "asadollAh", "Asadollah", None),
    _n("غلامرضا", "GolAm reDA", "Gholamreza", ("غلام", "GolAm")),
    _n("غلامحسین", "GolAm Hosayn", "Gholamhossein", ("غلام", "GolAm")),
    _n("محمدرضا", "moHammad reDA", "Mohammadreza,Mohamadreza", ("ممدرضا", "mamad reDA"), 2.0),
    _n("محمدعلی", "moHammad 'ali", "Mohammadali", ("ممدعلی", "mamad 'ali")),
    _n("علی‌اکبر", "'ali akbar", "Aliakbar", ("اکبر", "akbar")),
    _n("علیرضا", "'ali reDA", "Alireza", None, 1.5),
    _n("حمیدرضا", "Hamid reDA", "Hamidreza", None),
    _n("سیاوش", "siyAva$", "Siavash", None),
    _n("خسرو", "xosraw", "Khosrow,Khosro", None),
    _n("رستم", "rostam", "", None),
    _n("هادی", "hAdi", "", None),
    _n("تقی", "taqi", "Taghi", None),
    _n("نقی", "naqi", "Naghi", None),
    _n("یحیی", "yaHyA", "Yahya", None),
    _n("ایرج", "iraj", "", None),
    _n("کامران", "kAmrAn", "", None),
    _n("بابک", "bAbak", "", None),
    _n("پیمان", "paymAn", "Peyman", None),
    _n("افشین", "af$in", "", None),
    _n("رامین", "rAmin", "", None),
)

FEMALE: tuple[Name, ...] = (
    _n("فاطمه", "fATemeh", "Fatemeh,Fatima", ("فاطی", "fATi"), 4.0),
    _n("زهرا", "zahrA", "", None, 3.0),
    _n("زهره", "zohreh", "", None),
    _n("مریم", "maryam", "", None, 3.0),
    _n("مرضیه", "marDiyeh", "Marzieh", None),
    _n("زینب", "zaynab", "Zeinab", None, 1.5),
    _n("معصومه", "ma'Sumeh", "Masoumeh,Massoumeh", ("معصوم", "ma'Sum"), 1.5),
    _n("مهدیه", "mahdiyeh", "Mahdieh", None),
    _n("حمیده", "Hamideh", "", None),
    _n("سعیده", "sa'ideh", "Saeedeh,Saideh", None),
    _n("وحیده", "vaHideh", "", None),
    _n("فریده", "farideh", "", None),
    _n("مجیده", "majideh", "", None),
    _n("منصوره", "manSureh", "Mansoureh", None),
    _n("راضیه", "rADiyeh", "Razieh", None),
    _n("منیژه", "maniJeh", "Manijeh", None),
    _n("شهلا", "$ahlA", "", None),
    _n("فرشته", "fere$teh", "", None),
    _n("پروین", "parvin", "", None),
    _n("پروانه", "parvAneh", "", None),
    _n("نسرین", "nasrin", "", None),
    _n("مینا", "minA", "", None),
    _n("مینو", "minu", "Minoo", None),
    _n("رویا", "royA", "Roya", None),
    _n("لیلا", "laylA", "Leila,Leyla", None),
    _n("شیرین", "$irin", "", None),
    _n("اشرف", "a$raf", "", None),
    _n("طاهره", "TAhereh", "", None),
    _n("اعظم", "a'9am", "Azam", None),
    _n("منیره", "monireh", "", None),
    _n("صدیقه", "Sediqeh", "Sedigheh", None),
    _n("مهین", "mahin", "", None),
    _n("سیمین", "simin", "", None),
    _n("اکرم", "akram", "", None),
    _n("نرگس", "narges", "", None),
    _n("عفت", "'effat", "Efat", None),
    _n("سهیلا", "sohaylA", "Soheila", None),
    _n("ژیلا", "JilA", "", None),
    _n("مهناز", "mahnAz", "", None),
    _n("فرزانه", "farzAneh", "", None),
)

# Sibling pairs of a brother's and a sister's name that differ by a gender ending or so.
GENDER_PAIRS: tuple[tuple[str, str], ...] = (
    ("مهدی", "مهدیه"),
    ("حمید", "حمیده"),
    ("سعید", "سعیده"),
    ("وحید", "وحیده"),
    ("فرید", "فریده"),
    ("مجید", "مجیده"),
    ("منصور", "منصوره"),
    ("رضا", "راضیه"),
)

# Near names that brothers (or sisters) often carry.
NEAR_PAIRS: tuple[tuple[str, str], ...] = (
    ("بهرام", "بهمن"),
    ("حسن", "حسین"),
    ("حسن", "محسن"),
    ("محمد", "محمود"),
    ("مجید", "حمید"),
    ("کاظم", "قاسم"),
    ("اکبر", "اصغر"),
    ("علی", "علیرضا"),
    ("رضا", "حمیدرضا"),
    ("مرتضی", "مصطفی"),
    ("مجتبی", "مرتضی"),
    ("فرید", "فرهاد"),
    ("ناصر", "نادر"),
    ("شهرام", "شاهرخ"),
    ("تقی", "نقی"),
    ("محمدرضا", "محمدعلی"),
    ("زهرا", "زهره"),
    ("مریم", "مرضیه"),
    ("مینا", "مینو"),
    ("پروین", "پروانه"),
)


FAMILY: tuple[Name, ...] = (
    _f("احمدی", "aHmadi", "", None, 4.0),
    _f("محمدی", "moHammadi", "Mohamadi", None, 4.0),
    _f("حسینی", "Hosayni", "Hosseini,Husseini", None, 3.0),
    _f("رضایی", "reDAyi", "Rezaei,Rezaie,Rezai", None, 3.0),
    _f("کریمی", "karimi", "", None, 2.0),
    _f("موسوی", "musavi", "Mousavi,Moussavi", None, 2.0),
    _f("جعفری", "ja'fari", "", None, 2.0),
    _f("قاسمی", "qAsemi", "Ghassemi", None, 1.5),
    _f("رحیمی", "raHimi", "", None, 1.5),
    _f("صادقی", "SAdeqi", "Sadeghi", None, 1.5),
    _f("اکبری", "akbari", "", None, 1.5),
    _f("کاظمی", "kA9emi", "", None, 1.5),
    _f("هاشمی", "hA$emi", "", None, 1.5),
    _f("نوری", "nuri", "Nouri", None),
    _f("طاهری", "TAheri", "", None),
    _f("یزدانی", "yazdAni", "", None),
    _f("شریفی", "$arifi", "", None),
    _f("امینی", "amini", "", None, 1.5),
    _f("نجفی", "najafi", "", None),
    _f("کرمانی", "kermAni", "", None),
    _f("تهرانی", "tehrAni", "", None),
    _f("شیرازی", "$irAzi", "", None),
    _f("اصفهانی", "eSfahAni", "Isfahani", None),
    _f("تبریزی", "tabrizi", "", None),
    _f("مرادی", "morAdi", "", None, 1.5),
    _f("بهرامی", "bahrAmi", "", None),
    _f("فرهادی", "farhAdi", "", None),
    _f("سلیمانی", "solaymAni", "Soleimani", None),
    _f("عسگری", "'asgari", "Asgari", None),
    _f("زارعی", "zAre'i", "Zarei", None),
    _f("خسروی", "xosravi", "", None),
    _f("حیدری", "Haydari", "Heidari", None, 1.5),
    _f("سبحانی", "sobHAni", "", None),
    _f("میرزایی", "mirzAyi", "Mirzaei", None),
    _f("قربانی", "qorbAni", "Ghorbani", None),
    _f("رحمانی", "raHmAni", "", None),
    _f("منتظری", "monta9eri", "", None),
    _f("کاشانی", "kA$Ani", "", None),
    _f("لاجوردی", "lAjvardi", "", None),
    _f("فاضلی", "fADeli", "", None),
    _f("ملکی", "maleki", "", None),
    _f("افشار", "af$Ar", "", None),
    _f("نیکخواه", "nikxAh", "Nikkhah", None),
    _f("طالقانی", "TAleqAni", "Taleghani", None),
    _f("بازرگان", "bAzargAn", "", None),
    _f("پاکزاد", "pAkzAd", "", None),
    _f("جهانگیری", "jahAngiri", "", None),
    _f("صفوی", "Safavi", "", None),
    _f("نصیری", "naSiri", "", None),
    _f("فرجی", "faraji", "", None),
    _f("شجاعی", "$ojA'i", "Shojaei", None),
    _f("روحانی", "ruHAni", "Rouhani", None),
    _f("بختیاری", "baxtiyAri", "Bakhtiari", None),
    _f("گیلانی", "gilAni", "", None),
    _f("دهقان", "dehqAn", "Dehghan", None),
    _f("کشاورز", "ke$Avarz", "", None),
    _f("آهنگر", "Ahangar", "", None),
    _f("نجار", "najjAr", "Najar", None),
    _f("صالحی", "SAleHi", "", None),
    _f("ستاری", "sattAri", "Satari", None),
    _f("فلاحی", "fallAHi", "Falahi", None),
    _f("عطایی", "'aTAyi", "Ataei", None),
    _f("دانشور", "dAne$var", "", None),
    _f("پورمحمدی", "pur moHammadi", "Pourmohammadi", None),
    _f("حسین‌زاده", "Hosayn zAdeh", "Hosseinzadeh", None),
    _f("علی‌زاده", "'ali zAdeh", "Alizadeh", None),
    _f("قلی‌زاده", "qoli zAdeh", "Gholizadeh", None),
    _f("خلیل‌زاده", "xalil zAdeh", "Khalilzadeh", None),
    _f("کاظم‌پور", "kA9em pur", "Kazempour", None),
    _f("حسن‌پور", "Hasan pur", "Hassanpour", None),
    _f("رضاپور", "reDA pur", "Rezapour", None),
    _f("قاضی‌زاده", "qADi zAdeh", "Ghazizadeh", None),
    _f("اسدی‌فر", "asadi far", "Asadifar", None),
    _f("سلطانی‌نژاد", "solTAni neJAd", "Soltaninejad,Soltaninezhad", None),
    _f("تقوی‌نژاد", "taqavi neJAd", "Taghavinejad", None),
    _f("سپاه‌منصور", "sepAh manSur", "Sepahmansour", ("منصور", "manSur")),
    _f("قائم‌مقامی", "qA^em maqAmi", "Ghaem-Maghami,Ghaemmaghami", ("مقامی", "maqAmi")),
    _f("میرحسینی", "mir Hosayni", "Mirhosseini", ("حسینی", "Hosayni")),
    _f("حاج‌سیدجوادی", "HAj sayyed javAdi", "Haj-Seyed-Javadi", ("جوادی", "javAdi")),
    _f("شاه‌حسینی", "$Ah Hosayni", "Shahhosseini", ("حسینی", "Hosayni")),
    _f("امیرخیزی", "amir xizi", "Amirkhizi", ("خیزی", "xizi")),
    _f("بنی‌صدر", "bani Sadr", "Banisadr,Bani-Sadr", ("صدر", "Sadr")),
    _f("آل‌احمد", "Al aHmad", "Al-e Ahmad", ("احمد", "aHmad")),
    _f("نیک‌بین", "nik bin", "Nikbin", None),
    _f("میرسلیم", "mir salim", "Mirsalim", ("سلیم", "salim")),
    _f("شیخ‌الاسلامی", "$ayx ol eslAmi", "Sheikholeslami", ("اسلامی", "eslAmi")),
)


@dataclass(frozen=True)
class City:
    """A home town: Persian, phonemic, conventional English, province, old name if renamed."""

    fa: str
    phon: str
    en: str
    province: str
    old: tuple[str, str, str] | None = None
    weight: float = 1.0


CITIES: tuple[City, ...] = (
    City("تهران", "tehrAn", "Tehran", "tehran", None, 6.0),
    City("مشهد", "ma$had", "Mashhad", "khorasan", None, 2.0),
    City("سبزوار", "sabzevAr", "Sabzevar", "khorasan"),
    City("نیشابور", "ni$Abur", "Neyshabur", "khorasan"),
    City("اصفهان", "eSfahAn", "Isfahan", "isfahan", None, 2.0),
    City("کاشان", "kA$An", "Kashan", "isfahan"),
    City("نجف‌آباد", "najaf AbAd", "Najafabad", "isfahan"),
    City("شیراز", "$irAz", "Shiraz", "fars", None, 2.0),
    City("تبریز", "tabriz", "Tabriz", "east_azerbaijan", None, 2.0),
    City("اردبیل", "ardabil", "Ardabil", "east_azerbaijan"),
    City("کرمانشاه", "kermAn$Ah", "Kermanshah", "kermanshah", ("باختران", "bAxtarAn", "Bakhtaran")),
    City("ارومیه", "orumiyeh", "Urmia", "west_azerbaijan", ("رضاییه", "reDAyiyeh", "Rezaiyeh")),
    City("مهاباد", "mahAbAd", "Mahabad", "west_azerbaijan"),
    City("رشت", "ra$t", "Rasht", "gilan", None, 1.5),
    City("لاهیجان", "lAhijAn", "Lahijan", "gilan"),
    City(
        "بندر انزلی",
        "bandar anzali",
        "Bandar Anzali",
        "gilan",
        ("بندر پهلوی", "bandar pahlavi", "Bandar Pahlavi"),
    ),
    City("قائم‌شهر", "qA^em $ahr", "Qaemshahr", "mazandaran", ("شاهی", "$Ahi", "Shahi")),
    City("تنکابن", "tonokAbon", "Tonekabon", "mazandaran", ("شهسوار", "$ahsavAr", "Shahsavar")),
    City("ساری", "sAri", "Sari", "mazandaran"),
    City("آمل", "Amol", "Amol", "mazandaran"),
    City("بابل", "bAbol", "Babol", "mazandaran"),
    City("گرگان", "gorgAn", "Gorgan", "mazandaran"),
    City("اهواز", "ahvAz", "Ahvaz", "khuzestan", None, 1.5),
    City(
        "خرمشهر", "xorram$ahr", "Khorramshahr", "khuzestan", ("محمره", "moHammareh", "Mohammareh")
    ),
    City("دزفول", "dezful", "Dezful", "khuzestan"),
    City("سنندج", "sanandaj", "Sanandaj", "kurdistan"),
    City("زاهدان", "zAhedAn", "Zahedan", "sistan", ("دزداب", "dozdAb", "Duzdab")),
    City("کرمان", "kermAn", "Kerman", "kerman"),
    City("یزد", "yazd", "Yazd", "yazd"),
    City("همدان", "hamadAn", "Hamadan", "hamadan"),
    City("قزوین", "qazvin", "Qazvin", "zanjan"),
    City("زنجان", "zanjAn", "Zanjan", "zanjan"),
    City("اراک", "arAk", "Arak", "markazi", ("سلطان‌آباد", "solTAn AbAd", "Soltanabad")),
    City("قم", "qom", "Qom", "tehran"),
    City("خرم‌آباد", "xorram AbAd", "Khorramabad", "lorestan"),
    City("بندرعباس", "bandar 'abbAs", "Bandar Abbas", "hormozgan"),
)

# Province: Persian, English spellings (the first is the usual one).
PROVINCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "tehran": ("تهران", ("Tehran", "Teheran")),
    "khorasan": ("خراسان", ("Khorasan", "Khurasan", "Khorassan")),
    "isfahan": ("اصفهان", ("Isfahan", "Esfahan")),
    "fars": ("فارس", ("Fars",)),
    "east_azerbaijan": ("آذربایجان شرقی", ("East Azerbaijan", "Azarbayjan-e Sharqi")),
    "west_azerbaijan": ("آذربایجان غربی", ("West Azerbaijan", "Azarbayjan-e Gharbi")),
    "kermanshah": ("کرمانشاه", ("Kermanshah", "Bakhtaran")),
    "gilan": ("گیلان", ("Gilan", "Guilan")),
    "mazandaran": ("مازندران", ("Mazandaran", "Mazanderan")),
    "khuzestan": ("خوزستان", ("Khuzestan", "Khuzistan")),
    "kurdistan": ("کردستان", ("Kurdistan", "Kordestan")),
    "sistan": ("سیستان و بلوچستان", ("Sistan and Baluchestan", "Sistan-Baluchistan")),
    "kerman": ("کرمان", ("Kerman",)),
    "yazd": ("یزد", ("Yazd",)),
    "hamadan": ("همدان", ("Hamadan", "Hamedan")),
    "zanjan": ("زنجان", ("Zanjan",)),
    "markazi": ("مرکزی", ("Markazi", "Central")),
    "lorestan": ("لرستان", ("Lorestan", "Luristan")),
    "hormozgan": ("هرمزگان", ("Hormozgan",)),
}

# Prisons by province: Persian, Latin spellings.
PRISONS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "tehran": (
        ("اوین", ("Evin", "Evin Prison", "Evine")),
        ("گوهردشت", ("Gohardasht", "Gohar Dasht", "Rajai Shahr")),
        ("قزل‌حصار", ("Ghezel Hesar", "Qezel Hesar", "Qezelhesar")),
    ),
    "khorasan": (("وکیل‌آباد", ("Vakilabad", "Vakil Abad", "Wakilabad")),),
    "fars": (("عادل‌آباد", ("Adelabad", "Adel Abad")),),
    "east_azerbaijan": (("زندان تبریز", ("Tabriz Central Prison", "Tabriz Prison")),),
    "kermanshah": (("دیزل‌آباد", ("Dizelabad", "Diesel Abad")),),
    "khuzestan": (
        ("کارون", ("Karun", "Karoun", "Karun Prison")),
        ("سپیدار", ("Sepidar", "Sepidar Prison")),
    ),
    "gilan": (("لاکان", ("Lakan", "Lakan Prison")),),
    "isfahan": (("دستگرد", ("Dastgerd", "Dastgerd Prison")),),
}


def prison_for(province: str, city: City) -> tuple[str, tuple[str, ...]]:
    """The province's prisons, or a «زندان X» central prison named after the home town."""
    if province in PRISONS:
        return PRISONS[province][0]
    return ("زندان " + city.fa, (city.en + " Prison", city.en + " Central Prison"))
