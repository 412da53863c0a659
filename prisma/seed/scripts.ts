// Conversation scripts for the demo: holiday-season support topics, written like a real support team.
// A thread is one coherent exchange after the customer's opening: agent reply → customer → agent.
import type { Topic } from "./content";

export type Thread = { reply: string; followUp: string; resolution: string };

export type ScriptLines = {
  /** email subjects */
  subjects: readonly string[];
  /** the customer's first message */
  openings: readonly string[];
  threads: readonly Thread[];
};

export type TopicScript = ScriptLines & {
  /** internal notes between teammates */
  notes: readonly string[];
  /** conversation tags */
  tags: readonly string[];
  /** lines for a customer who has not ordered yet (no {order} available) */
  presale?: ScriptLines;
};

export const SCRIPTS: Record<Topic, TopicScript> = {
  wismo: {
    subjects: ["Where is my order {order}?", "Order {order} status", "Has my order shipped yet?", "Tracking for {order}"],
    openings: [
      "Hi! I ordered a {product} a few days ago (order {order}) and haven't gotten any shipping update. Can you tell me where it is?",
      "Hello, can you check on order {order}? It's a Christmas present and I'm getting nervous it won't arrive in time.",
      "Where is my order {order}? The tracking page hasn't changed in two days.",
      "Hey there, just wondering when {order} will show up. I need it before we travel for the holidays.",
    ],
    threads: [
      {
        reply:
          "Thanks for reaching out! Order {order} shipped with {carrier}, tracking number {tracking}. You can follow it here: {trackingUrl}. It's moving normally and should be with you within the next few days.",
        followUp: "Perfect, I see it now. Will it need a signature?",
        resolution:
          "No signature needed: {carrier} will leave it at your door. If it's not there by the end of the estimated delivery day, just reply here and we'll sort it out.",
      },
      {
        reply:
          "Good news: your order {order} is on its way with {carrier}. Here's the live tracking link: {trackingUrl} (tracking {tracking}). Carriers are busy this time of year, but it's on schedule.",
        followUp: "Thanks! The link works. Is there any way to get it a day sooner?",
        resolution:
          "Unfortunately we can't upgrade the shipping once a parcel is with the carrier, but it's already close. I'll keep an eye on it and reach out if anything changes.",
      },
      {
        reply:
          "I just checked {order} for you. It's with {carrier} under tracking number {tracking} and the latest scan looks on track. Tracking link: {trackingUrl}",
        followUp: "Great, thank you. The tracking says it's in {city} now.",
        resolution: "That's right on schedule. It should be out for delivery very soon. Enjoy, and happy holidays!",
      },
    ],
    notes: [
      "Checked the {carrier} portal: last scan is normal, no exception on {tracking}.",
      "Customer is anxious about a holiday deadline. If it isn't delivered by the ETA, offer the $10 courtesy credit.",
    ],
    tags: ["where-is-my-order"],
  },
  delayed: {
    subjects: ["Order {order} is late", "My package is stuck", "Still waiting on {order}", "Delayed shipment, {order}"],
    openings: [
      'My order {order} was supposed to arrive already and the tracking just says "{reason}". What\'s going on?',
      "Hi, the {carrier} tracking for {order} hasn't moved in days. This is a gift and I'm running out of time.",
      "Order {order} is late. The estimated delivery date has come and gone. Can you help?",
      "Hello?? My package ({tracking}) has been stuck for almost a week. I paid for shipping and this is really frustrating.",
    ],
    threads: [
      {
        reply:
          "I'm really sorry about this. {carrier} is reporting \"{reason}\" on tracking {tracking}. I've opened a trace with them and I'll update you as soon as it moves. You can also follow along here: {trackingUrl}",
        followUp: "Okay. If it doesn't make it before Christmas, can you send a replacement?",
        resolution:
          "Absolutely. I've reserved a replacement {product} and it will ship by express as soon as you give the word, no charge. I've also added a $10 credit to your account for the trouble.",
      },
      {
        reply:
          'I completely understand the frustration, especially this close to the holidays. Your parcel is delayed: {carrier} shows "{reason}". I\'ve escalated it with the carrier and added a note to your order.',
        followUp: "Thanks for checking. Is there anything I can do on my end?",
        resolution: "Nothing needed on your end. I'll keep watching tracking {tracking} and follow up with you tomorrow either way.",
      },
      {
        reply:
          "Apologies for the wait on {order}. The carrier flagged a delay (\"{reason}\"). Here's the tracking link so you can see the latest: {trackingUrl}. If it hasn't moved in 48 hours, we'll ship a replacement at no cost.",
        followUp: "It finally moved this morning! It's out for delivery now.",
        resolution:
          "Great news, glad it's finally moving! Sorry again for the delay. I've added a $10 credit to your account for next time.",
      },
      {
        reply:
          "I'm so sorry {order} is late. {carrier} reports \"{reason}\", which is affecting a lot of parcels this week. I've asked them for an updated delivery date.",
        followUp: "I just need to know whether it's going to make it or not.",
        resolution:
          "Completely fair. The carrier expects it to move within 48 hours. If it doesn't, we'll send a replacement by express so it arrives in time. Either way, you won't be left without it.",
      },
    ],
    notes: [
      "Opened a trace with {carrier} for {tracking}. Reference in the order timeline.",
      "Approved: express replacement if no scan in 48h. Lead signed off.",
      'Another "{reason}" case, same as several others this week.',
    ],
    tags: ["delayed-order", "where-is-my-order"],
  },
  return: {
    subjects: ["Return request, order {order}", "How do I return an item?", "Return for {order}"],
    openings: [
      "Hi, I'd like to return the {product} from order {order}. It's not quite what I expected.",
      "How do I return something? I got the {product} as a gift but already have one.",
      "I want to send back the {product} from {order} for a refund please.",
    ],
    threads: [
      {
        reply:
          "Of course! Our holiday return window is extended through January 31. I've emailed you a prepaid return label for the {product}. Pack it up, drop it at any {carrier} location, and we'll refund you within 3–5 business days of it arriving.",
        followUp: "Got the label, thanks! Does it need to be in the original box?",
        resolution: "Any sturdy box works. The original packaging isn't required. We'll email you as soon as the return is processed.",
      },
      {
        reply:
          "Happy to help with that. I've started a return for the {product} on order {order}. You'll get a prepaid label by email shortly. Once it's scanned in, the refund goes back to your original payment method.",
        followUp: "Thanks! How long does the refund take once you get it?",
        resolution: "Usually 3–5 business days after it's scanned in at our warehouse. We'll email you the moment it's processed.",
      },
      {
        reply: "No problem at all. Would you prefer a refund to your card or store credit? You'd get a 10% bonus on store credit.",
        followUp: "Store credit is fine, thanks.",
        resolution: "Done! I've issued the credit with the 10% bonus, and the prepaid return label is in your inbox.",
      },
      {
        reply: "No problem at all. Would you prefer a refund to your card or store credit? You'd get a 10% bonus on store credit.",
        followUp: "Refund to my card please.",
        resolution:
          "You got it. The prepaid label is in your inbox, and the refund will be issued as soon as the return is scanned in. Thanks for shopping with us!",
      },
    ],
    notes: [
      "Return label generated for {order}; the return shipment is in the order timeline.",
      "Outside the normal 30-day window, but within the holiday extension. Approved.",
    ],
    tags: ["return", "refund"],
  },
  damaged: {
    subjects: ["Damaged item in order {order}", "My order arrived broken", "Problem with {order}"],
    openings: [
      "My order {order} arrived today but the {product} is broken. The box was crushed on one side.",
      "Hi, the {product} I received is damaged. Can I get a replacement before the holidays?",
      "Unfortunately the {product} from {order} came cracked. Really disappointing since it was a gift.",
    ],
    threads: [
      {
        reply:
          "Oh no, I'm so sorry! Could you send a quick photo of the item and the box? As soon as we have it, I'll ship a replacement by express at no cost.",
        followUp: "Here are the photos. The corner is completely smashed.",
        resolution:
          "Thank you, that's all we need. A replacement is on its way by express and you'll get tracking by email within the hour.",
      },
      {
        reply:
          "I'm sorry it arrived like that. I'm shipping a replacement {product} today and I'll send you the new tracking number as soon as the label is created.",
        followUp: "Thank you! Do I need to send the broken one back?",
        resolution: "No need. Please keep or recycle it. Your replacement ships by express today.",
      },
      {
        reply:
          "That's not the experience we want at all, sorry! I can send a replacement right away or refund the {product}, whichever you prefer.",
        followUp: "A replacement please, it's for Christmas.",
        resolution: "Done. The replacement ships today by express, so it will arrive well before Christmas.",
      },
      {
        reply:
          "That's not the experience we want at all, sorry! I can send a replacement right away or refund the {product}, whichever you prefer.",
        followUp: "I'd rather have a refund at this point.",
        resolution: "I've processed a full refund for the {product}. It should appear on your statement in 3–5 business days. Sorry again!",
      },
    ],
    notes: [
      "Filed a damage claim with {carrier} for {tracking}.",
      "Another damaged {product} this month. Flagging the packaging to the warehouse.",
    ],
    tags: ["damaged", "refund"],
  },
  address: {
    subjects: ["Change shipping address for {order}", "Wrong address on my order", "Address update, {order}"],
    openings: [
      "I just realized I shipped order {order} to my old address! Can you change it to my new place in {city}?",
      "Hi, can I update the shipping address on {order}? I'd like it sent to my parents' house in {city} for the holidays.",
      "Typo in my address on {order}: the apartment number is missing. Can you fix it before it ships?",
    ],
    threads: [
      {
        reply:
          "Good catch! Your order hasn't left the warehouse yet, so I can update it. Please reply with the full new address and I'll make the change right away.",
        followUp: "It's 42 Willow Way, Apt 3B, {city}. Thank you!",
        resolution:
          "All set. Order {order} will now ship to the new address. You'll get a confirmation email with tracking once it leaves the warehouse.",
      },
      {
        reply: "Happy to help. If you send me the corrected address, I'll update {order} before it goes out.",
        followUp: "Here it is: 118 Chestnut St, {city}.",
        resolution: "Updated! The shipping label will be printed with the corrected address.",
      },
      {
        reply:
          "Let me make sure we catch it in time. Please send the complete address, including the apartment number, and I'll update it.",
        followUp: "It's Apt 12, same building. Sorry about that!",
        resolution: "No problem at all. I've updated the address and added a note for the warehouse team.",
      },
    ],
    notes: [
      "Address changed before the label was printed. Verified the new address with the customer.",
      "Warehouse notified of the address change on {order}.",
    ],
    tags: ["address-change"],
  },
  gift: {
    subjects: ["Gift wrap for {order}?", "Adding a gift message", "Gift note for {order}"],
    openings: [
      "Hi! Can I add gift wrap and a note to order {order}? It's going straight to my sister.",
      "Is it possible to include a gift message with the {product} in {order}? And leave the receipt out?",
    ],
    threads: [
      {
        reply:
          "We'd love to! I've added holiday gift wrap to {order} and we'll leave the packing slip prices out. What would you like the note to say?",
        followUp: 'Please write: "Merry Christmas! Love, {first}"',
        resolution: "Lovely! The note is added and the warehouse has the gift-wrap instructions.",
      },
      {
        reply:
          "Yes! Gift wrap is free this season, and we never include prices in gift orders. Just send me the message you'd like on the card.",
        followUp: 'Something like "Happy holidays from all of us!" Thank you!',
        resolution: "All done. It'll go out gift-wrapped with your message. Happy holidays!",
      },
    ],
    notes: ["Gift wrap + note added to {order}. Warehouse instructions updated."],
    tags: ["gift"],
    presale: {
      subjects: ["Gift options", "Do you gift wrap?"],
      openings: [
        "Do you offer gift wrapping? I'm about to order a few things as presents.",
        "Can I ship an order straight to my nephew in {city} as a gift, without the receipt?",
      ],
      threads: [
        {
          reply:
            'We do: free holiday gift wrap on every order through December 20. Just tick "This is a gift" at checkout and add your message there.',
          followUp: "Perfect, thanks for the quick answer!",
          resolution: "You're welcome! Have a wonderful holiday season.",
        },
        {
          reply:
            'Yes! Choose "This is a gift" at checkout and enter their address. We never include prices in gift orders, and your message is printed on a card.',
          followUp: "Great, ordering now!",
          resolution: "Wonderful. Happy holidays!",
        },
      ],
    },
  },
  exchange: {
    subjects: ["Exchange for a different size", "Wrong size, {order}", "Size exchange"],
    openings: [
      "The {product} I ordered in {variant} is too small. Can I exchange it for a {newSize}?",
      "Hi, I need to swap the {product} from {order} for a different size, {newSize} instead of {variant}.",
      "The {variant} doesn't fit, unfortunately. Do you have the {product} in {newSize}?",
    ],
    threads: [
      {
        reply:
          "Absolutely. The {product} in {newSize} is in stock. I've set up an exchange and emailed you a prepaid return label. We'll ship the new size as soon as the return is scanned.",
        followUp: "Great, how do I send the old one back?",
        resolution: "Use any box and drop it off at {carrier} with the prepaid label. The {newSize} ships as soon as it's scanned in.",
      },
      {
        reply:
          "Happy to help! To save time, I can ship the {newSize} right away and you send the {variant} back with the prepaid label within 30 days. Does that work?",
        followUp: "That works, thank you!",
        resolution: "Done! The {newSize} ships today and the return label is in your inbox.",
      },
      {
        reply: "Good news, we have the {product} in {newSize}. Want me to start the exchange?",
        followUp: "Yes please, ship the new one now!",
        resolution:
          "Exchange created. The {newSize} ships today. Just drop the {variant} at any {carrier} location with the prepaid label.",
      },
    ],
    notes: ["Advance exchange approved for {order}. Charge the card if the return isn't scanned within 30 days."],
    tags: ["return"],
  },
  promo: {
    subjects: ["Discount code on {order}", "Forgot my promo code", "{code} wasn't applied"],
    openings: [
      "Hi, I placed order {order} but forgot to use my code {code}. Can you apply it?",
      "I used {code} on order {order} but I was charged full price for the {product}.",
    ],
    threads: [
      {
        reply:
          "No problem, I've applied {code} to {order} retroactively. The difference will be refunded to your original payment method in 3–5 business days.",
        followUp: "Great, thank you so much!",
        resolution: "You're welcome! Happy holidays.",
      },
      {
        reply:
          "Thanks for letting us know. The code was case-sensitive for a few hours (fixed now!). I've refunded the discount on {order} to your card.",
        followUp: "Perfect. Do you know if there's another sale coming?",
        resolution: "Keep an eye on your inbox. Subscribers hear about sales first!",
      },
    ],
    notes: ["Manual discount applied to {order}, see billing.", "{code} bug reported to marketing: case-sensitivity issue."],
    tags: ["billing"],
    presale: {
      subjects: ["Promo code not working", "Discount code {code}", "Coupon issue at checkout"],
      openings: [
        "The code {code} isn't working at checkout. It says it's invalid but the email said it's good through the weekend.",
        "I tried to use {code} on the {product} and it didn't apply the discount. Can you help?",
      ],
      threads: [
        {
          reply:
            "Sorry about that! {code} excludes gift cards and items already on sale, which is probably what happened. It works on everything else in the store.",
          followUp: "Ah, that explains it. Thanks!",
          resolution: "You're welcome! Happy holidays.",
        },
        {
          reply:
            "Thanks for flagging this! The code was case-sensitive for a few hours this morning. It's fixed now, so please try {code} again.",
          followUp: "Thanks, it worked!",
          resolution: "Glad it's sorted! Enjoy your order.",
        },
      ],
    },
  },
  cancel: {
    subjects: ["Cancel order {order}", "Please cancel my order", "Cancellation request"],
    openings: [
      "Hi, I'd like to cancel order {order}. I ordered the wrong thing.",
      "Please cancel {order}. I found the {product} locally.",
      "Can I still cancel {order}? I placed it by mistake.",
    ],
    threads: [
      {
        reply:
          "I caught it just in time. Order {order} hadn't shipped yet, so I've cancelled it and issued a full refund. You'll see it in 3–5 business days.",
        followUp: "Thank you for the quick help!",
        resolution: "You're welcome! Hope to see you again soon.",
      },
      {
        reply: "Done. {order} is cancelled and the refund is on its way to your original payment method.",
        followUp: "Great, thanks.",
        resolution: "Happy holidays!",
      },
      {
        reply: "Let me check. Would you like to cancel the whole order, or just the {product}?",
        followUp: "The whole order please.",
        resolution: "All cancelled. The refund has been issued in full.",
      },
    ],
    notes: ["Cancelled before the warehouse picked it. Refund issued in full."],
    tags: ["refund"],
  },
  backorder: {
    subjects: ["Backordered item, {order}", "When will {order} ship?", "Is {product} back in stock?"],
    openings: [
      "My order {order} says the {product} is backordered. When will it ship?",
      "Hi, I got an email that the {product} in {order} is on backorder. Will it make it by Christmas?",
    ],
    threads: [
      {
        reply:
          "Thanks for your patience! The {product} sold out faster than expected. Our next shipment is expected in about 10 days and your order {order} is first in line.",
        followUp: "I'll wait, thanks for letting me know.",
        resolution: "Noted! You'll get an email with tracking the moment it ships.",
      },
      {
        reply:
          "Sorry about the wait. The {product} is back in stock in about 10 days, and we'll upgrade {order} to express shipping for free so it still arrives before the holidays.",
        followUp: "Okay, that works. Thank you!",
        resolution: "My pleasure. You'll get tracking as soon as it ships.",
      },
    ],
    notes: ["Backorder ETA from purchasing: about 10 days. Hold {order}.", "Customer chose to wait. Follow up if the restock slips."],
    tags: ["backordered"],
    presale: {
      subjects: ["When will {product} be back in stock?", "Out of stock question"],
      openings: [
        "The {product} shows out of stock. Are you getting more before the holidays?",
        "Any chance the {product} will be restocked this month? It's the one thing on my daughter's list.",
      ],
      threads: [
        {
          reply: "We're restocking the {product} in about 10 days. Want me to sign you up for a back-in-stock email?",
          followUp: "Yes please, thank you!",
          resolution: "Done! You'll get an email as soon as it's back.",
        },
        {
          reply:
            "Good news: more {product} stock is on its way and should arrive in under two weeks. I've signed you up for a back-in-stock email.",
          followUp: "Thanks, I'll keep an eye out.",
          resolution: "You're welcome. Happy holidays!",
        },
      ],
    },
  },
};
