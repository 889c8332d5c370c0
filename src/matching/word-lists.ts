const words = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter(Boolean));

/**
 * Words that carry no topic: dropped before scoring. Kept deliberately: "long", "many", "much", "after",
 * "before", "still", "normal" are left out of this list because they separate entries
 * ("how long" a session takes vs "how many" sessions).
 */
export const STOPWORDS = words(`
  a an the and or but if so of to in on at by for from with about as into onto over than then
  i me my mine myself we us our you your yours he him his she her it its they them their this that these those
  im ive id ill youre youve theyre thats theres heres whats hows whos wheres whens
  am is are was were be been being do does did doing done have has had having get gets got getting
  can could will would shall should may might must cant wont dont doesnt didnt isnt arent wasnt havent
  shouldnt couldnt wouldnt hasnt hadnt werent aint mustnt neednt mightnt shant
  what which who whom whose when where why how
  there here just really very so too also even only quite pretty kind sort bit little lot lots
  some any all every each more most
  ok yes yeah yep no nope not please thanks thank hi hey hello heya ya lol lmao omg ugh haha hahaha hm hmm um uh
  like literally basically actually honestly seriously anyway anyways right now okay sure well oh ah
  know think wondering wonder wanted want ask asking question random curious guess mean
  up down out off away because
  go goes going gonna thing things stuff something anything everything one ones someone anyone
  s t d ll m re ve`);

/**
 * Everyday words that say little about which topic a question is on ("expect", "help", "day"): they
 * count, but never weigh more than an everyday word (see overlap-index.ts). Not for nouns of other
 * activities ("work", "coffee"): those are what make a question about something else.
 */
export const GENERIC_WORDS = words(`
  quick quickly fast
  after before since until during again already always ever never often sometimes usually still yet soon later
  afternoon day days week weeks month months year years hour hours minute minutes time times today tonight tomorrow
  yesterday morning evening night first second last next few several couple whole long much many
  expect expected happen happens happened happening help helps helpful need needs needed look looks looked
  looking seem seems feel feels felt feeling make makes made take takes took give gives come comes came
  see seen saw notice noticed show shows tell told say says said ask asked try tried start started begin stop
  keep keeps kept leave left stay stays let lets put use used using wait waited
  recommend recommended suggest advice advise tips info information supposed allowed possible
  good bad better worse worst best great fine terrible awful weird strange odd wrong true real sure okay
  big small tiny huge high low new old same different enough exactly probably maybe perhaps totally
  completely definitely absolutely approximately normally usual typical anymore
  people person someone everyone friend friends lady guy girl involve involved involves involving
`);

/**
 * Other everyday words, spelled right but absent from the knowledge pack: the spelling corrector must
 * leave them alone ("paint" is not a typo of "pain", "sending" not of "seeping").
 */
export const COMMON_WORDS = words(`
  about above across again against almost alone along among another answer around back because become
  behind being below between black blue body book both bring brought build built call care carry case cause
  change child children city close cold common could country course cover cross dark dead deal dear deep
  door draw dream drive early earth easy either else end even eye eyes face fact fall family far fast father
  field find fire fish five food foot form found four free front full game gave girl glad gone green ground
  group grow half hand hard head hear heard heart heat heavy hold home hope horse hot house human idea important
  inside instead island kind king knew land large late learn least letter life light line list live lost love
  main man matter mean men mind miss money mother move music name near nothing number order other others
  outside own page paint paper part party pass past picture piece place plan plant play point poor power
  problem pull question quite rain ran rather reach read ready reason remember rest river road rock room round
  run school sea sentence set shape short side simple sing sister sit six size snow soft sound space speak
  special spend stand star state step story street strong study such summer sun surface table talk ten test
  that their them then there these they thing think those though thought three through together toward town
  travel tree turn under upon voice walk wall want warm watch water way well went were what wheel where
  whether which while white wife will wind window winter wish without woman women wonder word work world would
  write year young agree angry annoying anybody apply applied asleep awake barely beautiful bed boss bright
  busy careful chair cheek cheeks chin clean clear clinic color colour cream crazy cute daily date dinner
  doctor doing dot dots dry easier event extra fix forehead forgot friday fun glass hair hate hurt itself job
  lately lunch mild mirror monday mostly nose office patch patches quick recently remove ruin safe saturday
  scared scary skin slightly spa spot spots sting sunday super sweet thursday tight tonight tuesday ugly
  wednesday wet worried worry sending send message messages text texting talking calling phone email account
  delete husband mom mum dad brother coworker boyfriend girlfriend kids wedding trip weekend plans meeting
  interview photo photos honestly
  rave raving raved obsessed hype hyped confused confusing swear swears swore
  injection injections inject injected
  sorry apologies english newbie beginner noob though mouth
  fewer hike hikes hiking chilly chilli chili seeking slivers sliver bluster selling spelling tainted freezing
  sneezing clothing plotting inflation insertion inspection intention inflection fainter
  area areas upper lower zone region
  shiny shine glow glowing angle cloud toned primed powdery smelly patchy wrinkly bellow shiner glossy
`);
