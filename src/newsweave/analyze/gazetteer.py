"""Hand-written word lists for typing names: given names, well-known organisations and places,
and the ordinary words that are never a name on their own.

Written for English-language news; every list is plain words so it is easy to extend. A list
only decides a type when the text itself gives no stronger evidence (a title, an
organisation word, a statement), see :func:`newsweave.analyze.entities._entity_type`.
"""

from __future__ import annotations

from importlib import resources


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    return frozenset(p.strip() for p in text.split(";") if p.strip())


FEMALE_NAMES = _words("""
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa betty
margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
stephanie rebecca sharon laura cynthia kathleen amy shirley helen anna brenda pamela
nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria
heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith
megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice
jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle
 sophia marie diana brittany natalie isabella charlotte rose alexis kayla jackie
jacqui caroline maura tina kate katie michele melania ivanka chelsea
oprah beyonce rihanna taylor madonna adele britney whitney gwyneth angelina jennifer
nicola jacinda helen benazir indira golda margaret condoleezza nikki sonia
 elena ruth sandra sonya kamala elizabeth tulsi amy kirsten maxine ilhan alexandria
rashida ayanna debbie gabrielle gabby meghan kate camilla diana anne eugenie beatrice
zara sophie carla carmen rosa lucia sofia isabel ines paula laura marta elena irina
olga svetlana natasha natalia tatiana yulia anastasia ekaterina galina lyudmila
fatima aisha aysha khadija zainab maryam mariam leila layla noor nour huda hanan amina
salma yasmin yasmine samira rania dalia mona nadia hiba iman asma sana farah lina
priya anjali sunita aarti kavita pooja neha deepika aishwarya mei ling xiao yan hui
yuki keiko akiko naomi haruka sakura jin eun ji-yeon mia ella ava chloe zoe lily
lucy molly ruby holly poppy daisy freya isla evie alice grace jane sally wendy tracy
stacy kristen kirsty gillian fiona morag eileen maureen bridget siobhan aoife niamh
sinead colleen erin shannon kathy cathy kathie beth becky meg peggy maggie annie
jenny jenna jen jess jessie jill joanna joanne josephine judith june kay kristin lori
lorraine louise lynn mandy marcia marian marion marjorie melanie mildred miriam nora
norma paige penny phyllis priscilla rita roberta robin rosemary roxanne sheila sherry
shelby sylvia tammy tanya valerie vanessa vera veronica vicki vivian wanda yvonne
brooke paris hope faith joy ivy iris violet hazel ellie stella luna aurora nova
mika megyn ashley tamara kristine susan elissa honey mandy dana erica erika jamie
kelsey courtney brittney carly carrie cindy claire clara dawn diane edith eleanor
elaine esther eva flora gina gwen harriet ida irene janet jeanne joan jo kara
lara laurie leah lena lillian lois lorna lucille mabel mae margo marcy marge
maxine mindy myra nadine nell nina opal pearl queenie rae regina rhonda rosa
shauna sheryl sonja stacey tara tess trudy una velma wilma yolanda zelda
gunilla ingrid astrid greta annika birgit karin lena maja sigrid elsa frida
sandy shawn kendall kylie khloe kourtney kris bella gigi hailey selena miley ariana
demi lindsay scarlett reese jodie meryl julianne nicole cate emma keira
margot sienna kirsten mila natalie charlize halle viola octavia lupita
hillary nancy lindsey tiffany theresa serena venus angela kellyanne toni kim morgan
""")

MALE_NAMES = _words("""
james john robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse
jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy
vincent ralph eugene russell bobby mason philip louis harry barack mitt newt rand ted
marco jeb chris rick mike bernie joe bill al dick colin rudy rudolph rush sean
tucker glenn anderson wolf lester jake chuck mitch kevin orrin harry
reince steve stephen rex jared hunter beau barron eric devin adam
elon jeff mark larry sergey tim satya sundar bill warren jamie lloyd seth judd will
ben matt jimmy jimmie conan travis stephen trevor jon bob bobby tom tommy tony vladimir
dmitry sergei sergey alexei alexey mikhail boris igor ivan nikolai oleg yuri viktor
xi hu wen li deng mao jiang zhou shinzo yoshihide fumio park narendra rahul
manmohan imran nawaz recep emmanuel francois nicolas jacques gerhard helmut
olaf friedrich wolfgang hans klaus jurgen dieter uwe lars sven anders erik johan
magnus nils olof gustav karl ulf bjorn mohammed muhammad mohammad mohamed ahmed ahmad
ali omar umar hassan hussein husain haider khalid mahmoud mustafa mostafa ibrahim yusuf
youssef abdullah abdul abdel abdulaziz abdulrahman hamid hamad salman faisal fahd tariq
karim kareem rashid sami samir walid nabil jamal kamal adel amr bashar hafez saddam
nouri masoud massoud najm atheel abu abubaker abubakr osama ayman anwar hosni sidiki
zeid jacob cyril thabo nelson kofi uhuru yoweri paul robert emmerson jacob
pierre jean luc michel andre alain bernard claude francois philippe marcel didier
giuseppe giovanni mario luigi matteo silvio sergio carlo antonio marco paolo franco
luis carlos jorge javier miguel pedro pablo diego alejandro fernando rafael manuel
ricardo roberto eduardo hugo felipe enrique evo nicolas andres lula jair dilma
benjamin bibi ehud ariel shimon yitzhak naftali yair avigdor moshe avi
justin stephen brian pierre jean-claude tony gordon david boris keir jeremy
nigel ed nick vince alex sadiq liam noel ewan angus hamish callum connor declan
seamus eamon enda leo micheal bertie sean shane brendan kieran niall ronan
hristov ermias nouriel edward glenn dean jim jimmy jerome kobe lebron michael tiger
roger rafael novak andy pete kobe shaquille magic kareem tom peyton
eli drew aaron odell cam russell kurt dwayne elvis prince kanye jay drake eminem
bono sting quincy stevie lionel neil bruce ozzy mick keith ringo paul george
ike ben chadwick denzel leonardo brad tom johnny keanu samuel will jamie
jared jude hugh colin ewan kenneth liam daniel dustin al robert jack clint harrison
warren woody quentin steven martin francis ridley ron howard spike ken
jfk lbj fdr mlk gunnar pontus sture corey carmine sam ron thomas matteo sergio gino
silvio savino stefano franco roberto luca andrea marco giorgio enzo mauro dario
cory kyle derek travis trent chad brett todd troy shane wade dale glen clay cole
grant blake chase hunter brody colton gavin ian owen luke caleb isaac levi eli asher
max oscar felix hugo leon otto emil kurt hank ray jay ty lee rob dan ed fred ted
greg doug phil stan vic walt wes zack zach nate josh matt nick pat tim jim ken
kenny danny johnny tommy timmy ricky mickey
""")

FIRST_NAMES = FEMALE_NAMES | MALE_NAMES

# Organisations a text names without saying what they are: companies, platforms, outlets,
# agencies, parties, NGOs. Folded, several words joined by a space.
KNOWN_ORGS = _phrases("""
google; alphabet; apple; amazon; microsoft; facebook; meta; twitter; instagram; snapchat;
whatsapp; youtube; reddit; tiktok; linkedin; pinterest; tumblr; netflix; hulu; spotify;
uber; lyft; airbnb; tesla; spacex; ibm; intel; samsung; sony; nintendo; toyota; honda;
ford; general motors; gm; volkswagen; bmw; boeing; airbus; exxon; exxonmobil; chevron;
shell; bp; walmart; target; starbucks; mcdonald's; coca-cola; pepsi; nike; adidas;
disney; paramount; universal; warner bros; hbo; comcast; verizon; at&t; goldman sachs;
jpmorgan; morgan stanley; bain capital; bain; blackstone; citigroup; wells fargo;
marines; marine corps;
reuters; associated press; ap; afp; agence france-presse; bloomberg news; cnn; bbc; nbc;
abc; cbs; fox news; fox; msnbc; cnbc; espn; pbs; npr; hln; tmz; politico; axios;
buzzfeed; huffpost; huffington post; vox; slate; salon; breitbart; the hill; vanity fair;
us weekly; people; vogue; time; newsweek; forbes; fortune; the atlantic; the economist;
rolling stone; billboard; variety; new york times; washington post; wall street journal;
usa today; los angeles times; boston globe; chicago tribune; guardian; telegraph;
independent; daily mail; the sun; the times; financial times; al jazeera; al arabiya;
xinhua; tass; ria novosti; sputnik; rt; suna; radio new zealand; abc news; cbs news;
nbc news; sky news; itv; channel 4; daily dot; mashable; gawker; deadline; e! news;
entertainment weekly; hollywood reporter; greenpeace; amnesty international;
human rights watch; red cross; oxfam; unicef; unesco; who; world health organization;
nato; un; united nations; eu; european union; imf; world bank; opec; wto; icc;
international criminal court; fbi; cia; nsa; nasa; epa; fda; cdc; dhs; doj; irs; sec;
fema; pentagon; white house; kremlin; congress; senate; parliament; supreme court;
gop; dnc; rnc; labour; conservatives; tories; anc; african national congress; hamas;
hezbollah; taliban; al-qaeda; al qaeda; boko haram; al-shabab; isis; isil; daesh;
penn state; harvard; yale; stanford; mit; oxford; princeton; columbia;
dsm; sotheby's; christie's; doyle; doyle new york; coachella; nfl; nba;
mlb; nhl; yahoo; aol; ebay; paypal; oxfam; library of congress; fifa; uefa; ioc; wta;
atp; usga; pga; itunes; ted; greenpeace uk;
fars; tasnim; irna; isna; yonhap; kcna; interfax; anadolu; kyodo; efe; ansa; dpa; ians; pti;
air france; lufthansa; british airways; delta air lines; united airlines; american airlines;
southwest airlines; jetblue; ryanair; easyjet; emirates; qantas; klm; aeroflot; air canada;
hyundai; kia; nissan; subaru; mazda; mercedes-benz; audi; porsche; fiat; chrysler;
renault; peugeot; volvo; huawei; xiaomi; alibaba; tencent; baidu; lenovo; dell; oracle;
cisco; qualcomm; nvidia; adobe; salesforce; pfizer; moderna; merck; novartis; bayer;
monsanto; glaxosmithkline; astrazeneca; fedex; ups; dhl; costco; kroger; ikea; amtrak;
gofundme; kickstarter; craigslist; wikipedia; wikileaks; etsy; groupon; dropbox;
sinn fein; sinn féin; muslim brotherhood; africom; centcom; nypd; lapd; interpol; europol;
mossad; kgb; fsb; mi5; mi6; gchq; crime stoppers; kleiner perkins; hgtv; tlc; bravo; amc;
showtime; starz; cbc; ctv; global news; abc7; ktla; wabc; wnbc; national geographic;
nasdaq; nyse; house; london stock exchange; deutsche börse; deutsche borse;
fatah; islamic jihad; palestinian islamic jihad; plo; palestine liberation organization;
lashkar-e-taiba; jaish-e-mohammed; northern alliance; farc; qaeda;
federal reserve; labor; labor party; australian labor party; liberal party; asio; austrade;
ansett; virgin blue; abc radio; sbs;
hachette; macmillan; simon & schuster; simon and schuster; harpercollins; penguin random house;
random house; scholastic; picador; knopf; marvel; dc comics; new scientist; pew;
pew research; pew research center; black panthers; black panther party; broad institute;
jane's; gallup; ipsos; nielsen
""")

KNOWN_PLACES = _phrases("""
arctic; antarctic; eurozone; euro zone; euroland; palmetto state; garden state; sunshine state;
lone star state; bay state; keystone state; granite state; buckeye state; hoosier state;
evergreen state; silver state; beehive state; pelican state; volunteer state; bluegrass state;
tar heel state; peach state; show-me state; aloha state; last frontier; centennial state;
magnolia state; badger state; hawkeye state; sooner state; treasure state; prairie state;
land of lincoln; wolverine state; cornhusker state; ocean state; constitution state;
pine tree state; green mountain state; old line state; grand canyon state; land of enchantment;
north star state; beaver state; sunflower state; gem state; cowboy state; old dominion;
afghanistan; albania; algeria; andorra; angola; argentina; armenia; australia; austria;
azerbaijan; bahamas; bahrain; bangladesh; barbados; belarus; belgium; belize; benin;
bhutan; bolivia; bosnia; botswana; brazil; brunei; bulgaria; burkina faso; burundi;
cambodia; cameroon; canada; chad; chile; china; colombia; congo; costa rica; croatia;
cuba; cyprus; czech republic; denmark; djibouti; dominican republic; ecuador; egypt;
el salvador; eritrea; estonia; ethiopia; fiji; finland; france; gabon; gambia; georgia;
germany; ghana; greece; grenada; guatemala; guinea; guyana; haiti; honduras; hungary;
iceland; india; indonesia; iran; iraq; ireland; israel; italy; jamaica; japan; jordan;
kazakhstan; kenya; kosovo; kuwait; kyrgyzstan; laos; latvia; lebanon; lesotho; liberia;
libya; liechtenstein; lithuania; luxembourg; madagascar; malawi; malaysia; maldives;
mali; malta; mauritania; mauritius; mexico; moldova; monaco; mongolia; montenegro;
morocco; mozambique; myanmar; burma; namibia; nepal; netherlands; holland;
new zealand; nicaragua; niger; nigeria; north korea; south korea; korea; norway; oman;
pakistan; palestine; panama; paraguay; peru; philippines; poland; portugal; qatar;
romania; russia; rwanda; saudi arabia; senegal; serbia; sierra leone; singapore;
slovakia; slovenia; somalia; south africa; south sudan; spain; sri lanka; sudan;
suriname; swaziland; sweden; switzerland; syria; taiwan; tajikistan; tanzania;
thailand; togo; tunisia; turkey; turkmenistan; uganda; ukraine; united arab emirates;
uae; uruguay; uzbekistan; venezuela; vietnam; yemen; zambia; zimbabwe; england;
scotland; wales; northern ireland; britain; great britain; europe; asia; africa;
america; north america; south america; latin america; middle east; antarctica; arctic;
caribbean; pacific; atlantic; gaza; west bank; crimea; tibet; hong kong; kurdistan;
alabama; alaska; arizona; arkansas; california; colorado; connecticut; delaware;
florida; hawaii; idaho; illinois; indiana; iowa; kansas; kentucky; louisiana; maine;
maryland; massachusetts; michigan; minnesota; mississippi; missouri; montana; nebraska;
nevada; new hampshire; new jersey; new mexico; new york; north carolina; north dakota;
ohio; oklahoma; oregon; pennsylvania; rhode island; south carolina; south dakota;
tennessee; texas; utah; vermont; virginia; washington; west virginia; wisconsin;
wyoming; puerto rico; uk; usa; new york city; cincinnati; columbus; indianapolis;
nashville; memphis; louisville; milwaukee; kansas city; sacramento; orlando; tampa; austin;
charlotte; raleigh; richmond; buffalo; albany; honolulu; anchorage; salt lake city;
los angeles; chicago; houston; phoenix;
philadelphia; san antonio; san diego; dallas; san francisco; seattle; boston; denver;
atlanta; miami; detroit; baltimore; las vegas; portland; new orleans; cleveland;
pittsburgh; st. louis; minneapolis; brooklyn; manhattan; queens; bronx; staten island;
long island; hoboken; newark; arlington; silicon valley; hollywood; london; paris;
berlin; madrid; rome; moscow; beijing; shanghai; tokyo; seoul; delhi; new delhi; mumbai;
karachi; islamabad; kabul; tehran; baghdad; damascus; beirut; cairo; jerusalem;
tel aviv; riyadh; dubai; doha; istanbul; ankara; athens; vienna; brussels; amsterdam;
stockholm; oslo; copenhagen; helsinki; dublin; edinburgh; geneva; zurich; warsaw;
kiev; kyiv; johannesburg; pretoria; cape town; nairobi; lagos; khartoum; sydney;
melbourne; auckland; wellington; toronto; montreal; vancouver; ottawa; mexico city;
havana; caracas; bogota; lima; buenos aires; rio de janeiro; sao paulo; mosul; aleppo;
earth; mars; raqqa; fallujah; ramadi; tikrit; kirkuk; erbil; dahuk; basra; sweden; bastad; bastaad;
stockholm;
ala; ariz; ark; calif; colo; conn; fla; ill; kan; ky; md; mich; minn; mont; neb; nev;
okla; ore; tenn; tex; vt; wis; wyo; alta; ont; b.c; n.h; n.j; n.m; n.c; n.d; s.c; s.d;
va; w.va; ga; mo; mass; wash; del; ind; pa; n.y; r.i; d.c; lax; heathrow; gatwick;
o'hare; laguardia; jfk airport; dulles; pyongyang; hanoi; bangkok; manila; jakarta;
kuala lumpur; taipei; kathmandu; dhaka; colombo; tashkent; baku; tbilisi; yerevan; minsk;
bucharest; budapest; prague; sofia; belgrade; zagreb; lisbon; brasilia; santiago; quito;
montevideo; addis ababa; kampala; kigali; kinshasa; accra; dakar; tripoli; tunis; algiers;
rabat; amman; sanaa; muscat; abu dhabi; manama; kuwait city; benghazi; homs; idlib; sinai;
kashmir; punjab; chechnya; donbas; donetsk; luhansk; kharkiv; odessa; sevastopol; siberia;
guangzhou; shenzhen; wuhan; chengdu; osaka; kyoto; hiroshima; fukushima; okinawa; busan;
mumbai; kolkata; chennai; bangalore; hyderabad; lahore; peshawar; kandahar; helmand; herat;
papua new guinea; east timor; timor-leste; solomon islands; vanuatu; samoa; tonga; nauru;
kiribati; tuvalu; palau; micronesia; marshall islands; ivory coast; côte d'ivoire;
cote d'ivoire; cape verde; comoros; seychelles; equatorial guinea; guinea-bissau;
central african republic; macedonia; north macedonia; san marino; vatican; trinidad;
tobago; trinidad and tobago; saint lucia; st lucia; antigua; dominica; belize; greenland;
new south wales; queensland; tasmania; western australia; south australia; victoria;
northern territory; australian capital territory; canberra; brisbane; perth; adelaide;
hobart; gold coast; wollongong; geelong; cairns; townsville; alice springs; soviet union;
ussr; yugoslavia; czechoslovakia; east germany; west germany; world trade center;
world trade centre; tora bora; timor
""")

# Surnames that stand alone for one world-famous person in news text.
KNOWN_PEOPLE = _words("""
trump obama clinton putin merkel biden pence macron erdogan netanyahu assad khamenei
rouhani modi trudeau zuma mugabe mandela gandhi castro maduro kim xi jinping abe
pelosi mcconnell schumer sanders romney mccain ryan rubio cruz kasich palin giuliani
mueller comey kushner bannon lincoln kennedy reagan nixon carter churchill thatcher
blair cameron corbyn johnson mandela beyonce rihanna madonna oprah
hitler stalin mussolini napoleon einstein shakespeare muhammad jesus moses buddha
""")

# Names of awards, holidays, recurring events, deities and works that are neither person,
# organisation nor place: typed ``other`` (an "Oscar" alone is the award, not a man).
KNOWN_OTHER = _phrases("""
oscar; oscars; academy award; academy awards; emmy; emmys; emmy award; emmy awards; grammy;
grammys; grammy award; grammy awards; golden globe; golden globes; tony award; tony awards;
pulitzer; pulitzer prize; nobel prize; nobel peace prize; bafta; baftas; man booker prize;
christmas; christmas eve; christmas day; easter; thanksgiving; halloween; hanukkah; ramadan;
eid; passover; new year; new year's eve; new year's day; valentine's day; memorial day;
labor day; independence day; fourth of july; black friday; cyber monday; mother's day;
father's day; super bowl; world cup; olympics; winter olympics; summer olympics;
olympic games; paralympics; wimbledon; tour de france; world series; stanley cup;
god; allah; holocaust; world war ii; world war i; cold war; the troubles; troubles;
bible; koran; quran; torah
""")

# Products, brands of goods, drugs, weapons, games and online services that are no company of
# their own (the maker is): typed ``other``, like a work ("PlayStation", "KitKat", "Xanax").
KNOWN_PRODUCTS = _phrases("""
iron dome; iphone; iphones; ipad; ipads; ipod; imac; macbook; macbook air; macbook pro; apple watch;
airpods; apple tv; apple music; apple pay; android; windows 10; windows xp;
xbox; xbox one; xbox 360; xbox live; kinect; playstation; playstation 4; playstation 3;
playstation network; playstation vita; playstation cloud; ps4; ps3; ps5; psp; wii; wii u;
nintendo switch; game boy; gameboy; dualshock; kindle; kindle fire; amazon echo;
echo dot; google home; google maps; google glass; google search; google earth; chromecast;
chromebook; gmail; youtube tv; facebook live; facebook messenger; instagram stories;
galaxy note; galaxy s; smarttv; photoshop; powerpoint; microsoft office; microsoft word;
internet explorer; firefox; spectacles; oculus rift;
walkman; pokemon go; pokémon go; fortnite; minecraft; tetris;
gran turismo; grand theft auto; call of duty; world of warcraft; candy crush;
angry birds; farmville; second life; kit kat; kitkat; toblerone; oreo; oreos; kvikk lunsj;
milka; dairy milk; snickers; twix; m&ms; m&m's; hershey's kisses; nutella; big mac; whopper;
happy meal; doritos; cheerios; frosted flakes; gatorade; coke; diet coke;
pepsi max; bud light;
viagra; cialis; xanax; valium; prozac; zoloft; lipitor; ambien; adderall; ritalin;
oxycontin; vicodin; percocet; suboxone; narcan; epipen; tylenol; advil; motrin;
botox; tamiflu; truvada; humira; plan b; ak-47; ak-47s; ar-15; ar-15s;
kalashnikovs; glock; uzi; taser; tasers; black hawk; f-35; f-16;
f-22; b-52; eurofighter; eurofighter typhoon; tornado gr4; sukhoi; mig-29; su-24;
brent crude; brent; dreamliner; boeing 737; 737 max; airbus a380; concorde; prius; camry; corolla;
model s; model 3; model x; f-150; range rover; humvee; barbie;
monopoly; scrabble; powerball; mega millions; bitcoin; ethereum
""")

# Words of a minister's portfolio: "the Shadow Foreign Affairs Minister" is a post, no name.
PORTFOLIO_WORDS = _words("""
shadow foreign affairs defence defense health finance interior home justice education
trade treasury environment employment industrial relations transport immigration
resources energy communications agriculture police sport tourism industry workplace
arts opposition federal acting junior assistant deputy prime cabinet state territories
regional services development security economic social welfare family community
aboriginal indigenous veterans small business science technology
""")

# Capitalised words that are not a name when they stand alone (they do inside a longer one:
# "Arlington County Police", "11 News", "Gang of Eight").
GENERIC = _words("""
police news media food note more ok okay street avenue road boulevard lane drive photo
olympic paralympic
photos video videos image images related advertisement share click read watch listen
subscribe update updated breaking live home contact follow sign log copyright reporting
writing editing editor editors staff comments comment reply email print story stories
report reports source sources via credit caption getty file files government state
states city county court district department office officials agency authorities army
military council committee congressman congresswoman senator governor mayor judge
president minister premier spokesman spokeswoman leader chairman chief company
interior foreign defense defence justice health education treasury finance
zero one two three four five six seven eight nine ten eleven twelve twenty thirty
hundred thousand million billion first second third last next previous
republican democrat democratic independent liberal conservative gmt est edt pst pdt
cst cdt bst utc cet am pm tv dna ceo cfo mp gps pdf faq url html rss lol omg
nation season episode episodes anyone someone says urgent tips detectives islamists
fatherland homeland chapter part appeal breaking exclusive opinion analysis editorial look
suv atv gdp ipo et pt ceos test tests assisting
ministry coalition initial preliminary acdt acst awst nzdt nzst
akst akdt hst hdt mst mdt aest aedt
llc inc ltd corp plc llp gmbh
gtfo tf wtf lmao smh fyi btw imo tbh
cd cds dvd dvds iv ip uti nicu icu eeg ecg ekg mri rna hiv ptsd adhd asd usb led lcd hdtv
atm atms iq ivf bmi mvp vip diy swat
foundation institute association society battalion brigade regiment platoon squadron
formerly previously currently
pos gif gifs jpeg png pin pins sms it
cpu cpus gpu gpus hdd hdds ssd ssds ram gb mb tb kb ghz mhz
museum circuit command university hospital college
doctors officials residents witnesses nurses teachers students workers experts analysts
scientists researchers soldiers troops fighters militants protesters lawmakers senators
""")

# Head nouns of a description that can say something ("a Mosul resident", "the study").
AGENT_NOUNS = _words("""
resident residents woman women man men people person official officials spokesman
spokeswoman spokesperson source sources officer officers soldier soldiers fighter
fighters militant militants imam preacher cleric host president minister mayor governor
senator congressman congresswoman lawmaker lawmakers legislator study report statement
letter message post tweet note paper court judge justice police group company firm
campaign agency ministry department government team family mother father son daughter
wife husband brother sister friend neighbor neighbour witness witnesses expert experts
analyst analysts researcher researchers scientist scientists professor doctor doctors
nurse teacher student students worker workers employee employees aide aides adviser
advisor advisers advisors diplomat diplomats representative representatives member
members leader leaders chief head commander director manager owner activist activists
protester protesters farmer driver passenger victim survivor mom dad boy girl child
children kid kids player coach star actor actress singer writer author reporter
reporters journalist editor economist lawyer attorney prosecutor prosecutors
investigator investigators detective sheriff deputy trooper guard customer user fan
fans voter voters supporter supporters critic critics opponent candidate nominee
chairman chairwoman ceo founder cofounder co-founder executive banker investor
businessman businesswoman billionaire mogul secretary ambassador envoy general colonel
captain sergeant lieutenant major admiral king queen prince princess pope bishop priest
rabbi pastor monk nun chef comedian rapper model dancer artist musician producer
director filmmaker photographer designer engineer pilot sailor veteran inmate prisoner
suspect defendant plaintiff juror jury board panel council committee commission agency
organization organisation association union network service institute university
school hospital newspaper magazine channel broadcaster website site outlet station
blog broadcast speech interview video documentary research paper survey poll
memoir book article editorial column review filing complaint lawsuit indictment
ruling decision order warrant affidavit release announcement caption sign banner
placard notice poster operator administrator administration authority authorities
organizer organizers spokesmen partner partners colleague colleagues relative relatives
cousin uncle aunt grandmother grandfather grandson granddaughter niece nephew fiancee
fiance fiancé fiancée girlfriend boyfriend ex stranger passerby onlooker bystander
shopkeeper vendor merchant trader tourist visitor guest local locals villager villagers
citizen citizens refugee refugees migrant migrants official's commentator pundit
strategist pollster consultant observer observers insider insiders athlete athletes
legend champion superstar celebrity icon mogul tycoon entrepreneur pundit anchor
correspondent climber climbers crew captain organiser organizers organisers founder
radio television rep reps chair co-chair cochair chairperson publicist agent manager
lifeguard lifeguards library museum archive archives astronaut astronauts editorial
administration department's
""")


def _word_file(name: str) -> frozenset[str]:
    text = resources.files("newsweave.analyze").joinpath(f"data/{name}").read_text(
        encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


# Words raw-case news text writes in lower case (in >= 75% of their mid-sentence uses, or in
# their only one), counted by ``bench/caps_stats.py`` into data/common_words.txt.
COMMON_WORDS = _word_file("common_words.txt")
# Words found in >= 100 of the 44,891 Multi-News train clusters (``bench/train_df.py``): a
# name made of them is no evidence of a person ("Gold Medal", "Jersey Shore").
FREQUENT_WORDS = _word_file("frequent_words.txt")


# Cities of 200,000 people or more (GeoNames, via ``bench/world_cities.py``), minus given
# names and ordinary words: a lone name no other evidence types is a place when listed here.
WORLD_CITIES = _word_file("world_cities.txt")


def common_words() -> frozenset[str]:
    """:data:`COMMON_WORDS` (an ordinary word of news text when it stands alone)."""
    return COMMON_WORDS
