"""Characters whose patter surrounds the one request they carry, read in this order (the order they came,
three at a time with the blind holdout sets that brought them; worker.planner.voices reads them between a
genie's wishes and a fortune-teller's framing):
- a telegram ("URGENT STOP ... STOP RGDS MABEL"), a cowboy's drawl ("Howdy, partner") and a herald's
  proclamation ("Hear ye, hear ye!");
- a surfer's talk ("Duuude, gnarly"), an alien visitor's ("Greetings, earthlings") and an influencer's patter
  ("Hey besties! Link in bio");
- a robot's status lines ("BEEP BOOP. QUERY RECEIVED."), a chess commentator's calls ("Knight to f3!") and a
  grandmother's letter ("Hello dear, it's Nana");
- a game show host ("Is that your final answer?"), a zombie's groans ("Braaains... tiiips") and a
  superhero's call to action ("To the chart-mobile!");
- a librarian's asides ("Shhh!"), a wedding officiant's words ("Dearly beloved") and a sports announcer's
  calls ("He shoots! He scores!");
- an automated phone menu ("Press 1 for ..."), a dentist ("Open wide!") and a rapper ("Yo, check it");
- a starship captain's log ("Captain's log, stardate 2007.3"), an air traffic controller ("cleared for
  takeoff, runway 27") and a cat at the keyboard ("Meow.");
- a satnav's directions ("In 200 metres, turn left"), a hypnotist's induction ("You are getting sleepy")
  and a ghost's haunting ("Boooo... since 1890");
- a butler's service ("Very good, sir."), a parrot's squawks and echoes ("Squawk! Tip by day!") and a
  bartender's patter ("Last orders!");
- a knitter's pattern lines ("Cast on 40 stitches."), a tennis umpire's calls ("Fifteen-love. Advantage
  Joly.") and a lifeguard's shouts ("No running by the pool!");
- a radio DJ on air ("You're listening to Chart FM 98.6!"), a gardener's notes ("Planted 40 tulip bulbs
  today.") and crossword clues ("7 across: average tip by day (5,3,2,3)");
- a photographer at a shoot ("Say cheese! Shoot at f/2.8"), a holiday postcard ("Wish you were here!
  P.S. ...") and a personal trainer ("Three sets of 12 reps!");
- a mountaineer on an expedition ("Base camp, 5,364 m."), a fisherman's tales ("Caught a 12-pound pike!")
  and a karaoke host ("Next up on the mic: table 7!");
- a beekeeper at the hives ("Smoker puffed, lid off Hive 7."), a flight attendant's cabin announcements
  ("Cabin crew, doors to automatic. Seat 14C asks ...") and a vampire's gothic patter ("Since 1652 I have
  dined only after dark...");
- a bingo caller ("Eyes down! Two fat ladies, 88!"), a football referee ("Yellow card, number 7! Play
  on!") and a monk ("Brother Anselm rang the bell for vespers at 6.");
- a horse-racing commentator ("And they're off! Number 4 leads by two lengths"), a barista ("One oat flat
  white for Sam!") and an archaeologist ("Trench 3, layer 7: a Roman coin!");
- a taxi driver ("Where to, mate? Meter's running."), a casino croupier ("Place your bets! Red 7, odd.")
  and a farmer ("The cows were milked at 5; 40 acres of wheat.");
- a plumber ("Stopcock's off, 15 mm copper."), a hairdresser ("Something for the weekend?") and a car
  mechanic ("She's due her MOT, 60,000 miles on the clock.");
- a cricket commentator ("3 for 87 after 20 overs"), a ventriloquist ("Say hello to Charlie! Gottle of
  geer.") and a baker ("The sourdough went in at 4 a.m., 12 loaves.");
- a tailor ("Stand up straight, sir. 32-inch inseam."), a park ranger ("Ranger station, over. Trail 4
  closes at dusk.") and a TV news anchor ("Good evening, here are tonight's headlines.");
- a piano tuner ("A above middle C should sit at 440 hertz."), a locksmith ("Locked out at 2 in the
  morning; the master key opens every door.") and a window cleaner ("Every 4 weeks, 15 dollars a house.");
- a lighthouse keeper ("Log entry, 06:00: lamp extinguished, visibility 4 miles."), a dog walker ("Walks at
  7, 12 and 5, rain or shine.") and a chimney sweep ("Seven stacks on that terrace and every one leaning.");
- a pharmacist ("Two tablets every 4 hours with food."), a ski instructor ("Knees bent, weight forward,
  and follow my tracks.") and a postman ("Number 14 has a dog that bites, so their post goes over the gate.");
- a crane operator ("Load chart says 8 tonnes at a 20 metre radius."), a museum guard ("Gallery 12 has a
  storm at sea by Turner.") and a zookeeper ("Lunch for the lions is at 12.");
- a blacksmith ("Seven nails a shoe, four shoes a horse."), a midwife ("Contractions every 4 minutes now.")
  and a court stenographer ("Q. And you travelled from Norway? A. Yes, by way of Denmark.").
Each reader is read only beside its own character's markers and leaves any other text unchanged (see each
module's docstring for what it reads).
"""

from __future__ import annotations

from collections.abc import Callable

from worker.planner.air_traffic import unradio_tower
from worker.planner.alien_visitor import unalien
from worker.planner.archaeology import undig
from worker.planner.baker import unbake
from worker.planner.barista import unbarista
from worker.planner.bartender import unbartender
from worker.planner.beekeeper import unbeekeeper
from worker.planner.bingo_caller import unbingo
from worker.planner.blacksmith import unsmith
from worker.planner.butler import unbutler
from worker.planner.cabin_crew import uncabin_crew
from worker.planner.captains_log import unlog
from worker.planner.car_mechanic import ungarage
from worker.planner.cat_keyboard import uncat
from worker.planner.chess_commentary import unchess
from worker.planner.chimney_sweep import unsweep
from worker.planner.court_stenographer import unstenograph
from worker.planner.crane_operator import uncrane
from worker.planner.cricket_commentary import uncricket
from worker.planner.crossword import uncrossword
from worker.planner.croupier import uncroupier
from worker.planner.dentist import undentist
from worker.planner.dog_walker import unwalk
from worker.planner.expedition import unexpedition
from worker.planner.farmer import unfarm
from worker.planner.fishing_trip import unfishing
from worker.planner.game_show import ungame_show
from worker.planner.gardener import ungarden
from worker.planner.grandmother import ungrandmother
from worker.planner.hairdresser import unhairdress
from worker.planner.haunting import unhaunt
from worker.planner.hypnotist import unhypnotize
from worker.planner.influencer import uninfluence
from worker.planner.karaoke_host import unkaraoke
from worker.planner.knitting import unknit
from worker.planner.librarian import unlibrarian
from worker.planner.lifeguard import unlifeguard
from worker.planner.lighthouse_keeper import unlighthouse
from worker.planner.locksmith import unlock
from worker.planner.midwife import unmidwife
from worker.planner.monk import unmonk
from worker.planner.museum_guard import unguard
from worker.planner.news_anchor import unanchor
from worker.planner.park_ranger import unranger
from worker.planner.parrot import unparrot
from worker.planner.personal_trainer import untrain
from worker.planner.pharmacist import unpharmacy
from worker.planner.phone_menu import unphone
from worker.planner.photo_shoot import unphoto_shoot
from worker.planner.piano_tuner import untune
from worker.planner.plumber import unplumb
from worker.planner.postcard import unpostcard
from worker.planner.postman import unpost
from worker.planner.race_call import unrace_call
from worker.planner.radio_dj import unradio_dj
from worker.planner.rapper import unrap
from worker.planner.referee import unreferee
from worker.planner.robot_talk import unrobot
from worker.planner.satnav import unsatnav
from worker.planner.ski_instructor import unski
from worker.planner.sports_announcer import unannounce
from worker.planner.superhero import unsuperhero
from worker.planner.surfer_talk import unsurf
from worker.planner.tailor import untailor
from worker.planner.taxi_ride import untaxi
from worker.planner.telegram import untelegram
from worker.planner.tennis_umpire import unumpire
from worker.planner.town_crier import uncry
from worker.planner.vampire import unvampire
from worker.planner.ventriloquist import unventriloquist
from worker.planner.wedding_officiant import unwed
from worker.planner.wild_west import unwild_west
from worker.planner.window_cleaner import unwindow
from worker.planner.zombie_groans import unzombie
from worker.planner.zookeeper import unzoo
from worker.semantic import SemanticModel

__all__ = ["uncharacter"]

READERS: tuple[Callable[[str, SemanticModel], str], ...] = (
    *(untelegram, unwild_west, uncry),
    *(unsurf, unalien, uninfluence),
    *(unrobot, unchess, ungrandmother),
    *(ungame_show, unzombie, unsuperhero),
    *(unlibrarian, unwed, unannounce),
    *(unphone, undentist, unrap),
    *(unlog, unradio_tower, uncat),
    *(unsatnav, unhypnotize, unhaunt),
    *(unbutler, unparrot, unbartender),
    *(unknit, unumpire, unlifeguard),
    *(unradio_dj, ungarden, uncrossword),
    *(unphoto_shoot, unpostcard, untrain),
    *(unexpedition, unfishing, unkaraoke),
    *(unbeekeeper, uncabin_crew, unvampire),
    *(unbingo, unreferee, unmonk),
    *(unrace_call, unbarista, undig),
    *(untaxi, uncroupier, unfarm),
    *(unplumb, unhairdress, ungarage),
    *(uncricket, unventriloquist, unbake),
    *(untailor, unranger, unanchor),
    *(untune, unlock, unwindow),
    *(unlighthouse, unwalk, unsweep),
    *(unpharmacy, unski, unpost),
    *(uncrane, unguard, unzoo),
    *(unsmith, unmidwife, unstenograph),
)


def uncharacter(text: str, model: SemanticModel) -> str:
    """`text` with each character's patter set aside around the request it carries."""
    for read in READERS:
        text = read(text, model)
    return text
